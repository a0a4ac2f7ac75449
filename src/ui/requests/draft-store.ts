/**
 * The "new request" flow: what (law, kind), to whom (company, address), and the letter it
 * gives. The letter is a computed value of the choices, so the preview is always what will be
 * sent.
 */
import { computed, signal } from '@preact/signals'
import type { ContactRow, RequestChannel, RequestRow } from '@/db/schema'
import { recipientFor, type Recipient } from '@/requests/contacts'
import type { Candidate } from '@/requests/discover'
import { dayOf } from '@/requests/dates'
import { suggestLaw } from '@/requests/jurisdiction'
import { FOLLOW_UPS, isKindId, kindsOf, lawById, type KindId, type LawId } from '@/requests/laws'
import {
  defaultLetterLanguage,
  isLetterLanguage,
  languageOfLetter,
  letterLanguages,
  type LetterLanguage,
} from '@/requests/letters'
import { forCompany, observe, type Observations } from '@/requests/observe'
import {
  DraftError,
  newReference,
  renderLetter,
  type DraftProblem,
  type Include,
  type Letter,
} from '@/requests/render'
import type { DiscoverProblem } from '@/requests/messages'
import { emlFile, mailtoUrl } from '@/requests/send'
import type { RequestsApi } from './api'

export type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string }

/** What just happened, for the status line under the buttons. */
export type Notice = '' | 'copied' | 'copyFailed' | 'eml' | 'form' | 'tooLong' | 'contactSaved'

export interface CompanyChoice {
  name: string
  domains: string[]
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** The language a sent request's letter is in: as stored with it, or for a request stored
 * before the choice was kept, as recognised from the letter (null when neither tells). */
export function requestLanguage(row: RequestRow): LetterLanguage | null {
  return isLetterLanguage(row.language) ? row.language : languageOfLetter(row.text)
}

/**
 * `preferred`: the user's languages, most wanted first (Tracelight's own language setting when
 * set, then the browser's), from which the letter's language is suggested.
 */
export function createDraftStore(api: RequestsApi, preferred: readonly string[] = [api.locale]) {
  const state = signal<LoadState>({ kind: 'loading' })
  const site = signal('')
  const observations = signal<Observations | null>(null)
  const law = signal<LawId>(suggestLaw(api.locale))
  const also = signal<LawId[]>([])
  const kind = signal<KindId>('access')
  const company = signal('')
  const saved = signal<ContactRow | undefined>(undefined)
  const email = signal('')
  const formUrl = signal('')
  const senderName = signal('')
  const senderEmail = signal('')
  const details = signal('')
  const include = signal<Include>({ companies: true, identifiers: true, pixels: true })
  const original = signal<RequestRow | null>(null)
  const today = signal(dayOf(api.now()))
  const reference = signal(newReference(today.value))
  const sent = signal<{ id: number; dueDay: string | null } | null>(null)
  const notice = signal<Notice>('')
  const discovery = signal<
    | { kind: 'idle' }
    | { kind: 'looking' }
    | {
        kind: 'done'
        candidates: Candidate[]
        policyUrl: string | null
        error: DiscoverProblem | null
      }
  >({ kind: 'idle' })

  /** The language the user picked; kept while it exists for the chosen law and kind. */
  const chosenLanguage = signal<LetterLanguage | null>(null)

  const lawInfo = computed(() => lawById(law.value))
  const kinds = computed(() => {
    const l = lawInfo.value
    if (l === undefined) return []
    const all = kindsOf(l)
    return original.value === null ? all.filter((k) => !FOLLOW_UPS.has(k)) : all
  })
  /** Languages this letter exists in: the only ones offered. */
  const languages = computed<LetterLanguage[]>(() => {
    const l = lawInfo.value
    return l === undefined ? [] : letterLanguages(l, kind.value)
  })
  const language = computed<LetterLanguage>(() => {
    const chosen = chosenLanguage.value
    if (chosen !== null && languages.value.includes(chosen)) return chosen
    const l = lawInfo.value
    if (l === undefined) return 'en'
    // A follow-up is written in the language of the letter it follows, where it can be.
    const before = original.value === null ? null : requestLanguage(original.value)
    return defaultLetterLanguage(
      l,
      kind.value,
      before === null ? preferred : [before, ...preferred],
    )
  })
  /** The site's operator first, then each company seen on it. */
  const companies = computed<CompanyChoice[]>(() => [
    { name: site.value, domains: [site.value] },
    ...(observations.value?.companies ?? []).map((c) => ({ name: c.name, domains: c.domains })),
  ])
  const suggested = computed<Recipient | null>(() => {
    const c = companies.value.find((x) => x.name === company.value)
    return recipientFor(company.value, c?.domains ?? [], saved.value)
  })
  const letter = computed<{ letter: Letter } | { problem: DraftProblem; error: string }>(() => {
    const l = lawInfo.value
    if (l === undefined) return { problem: 'no-kind', error: 'No such law' }
    const obs = observations.value
    const o = original.value
    try {
      return {
        letter: renderLetter({
          law: l,
          also: also.value.flatMap((id) => lawById(id) ?? []),
          kind: kind.value,
          language: language.value,
          reference: reference.value,
          today: today.value,
          company: company.value,
          site: site.value,
          sender: { name: senderName.value, email: senderEmail.value },
          details: details.value,
          observations:
            obs === null
              ? null
              : forCompany(obs, company.value === site.value ? null : company.value),
          include: include.value,
          ...(o !== null && o.sentAt !== undefined && o.dueDay !== undefined && isKindId(o.kind)
            ? {
                original: {
                  reference: o.reference,
                  kind: o.kind,
                  sent: dayOf(o.sentAt),
                  due: o.dueDay,
                  subject: o.subject,
                  text: o.text,
                },
              }
            : {}),
        }),
      }
    } catch (e) {
      if (e instanceof DraftError) return { problem: e.problem, error: e.message }
      throw e
    }
  })
  const mailto = computed(() => {
    const r = letter.value
    return 'letter' in r ? mailtoUrl(email.value, r.letter.subject, r.letter.body) : null
  })

  function chooseCompany(name: string): Promise<void> {
    company.value = name
    return loadContact(name)
  }

  async function loadContact(name: string): Promise<void> {
    saved.value = await api.contact(name)
    // A complaint goes to the authority: the company's address would be the wrong one.
    if (kind.value === 'complaint') {
      email.value = ''
      formUrl.value = ''
      return
    }
    const r = suggested.value
    email.value = r?.email ?? ''
    formUrl.value = r?.formUrl ?? ''
  }

  async function load(opts: { site: string; company?: string; followUp?: number; kind?: string }) {
    state.value = { kind: 'loading' }
    sent.value = null
    try {
      site.value = opts.site
      observations.value = observe(opts.site, await api.findings(opts.site))
      if (opts.followUp !== undefined) {
        const o = (await api.request(opts.followUp)) ?? null
        original.value = o
        if (o !== null && lawById(o.law) !== undefined) law.value = o.law as LawId
      }
      if (isKindId(opts.kind) && kinds.value.includes(opts.kind)) kind.value = opts.kind
      const first = original.value?.company ?? opts.company ?? opts.site
      const known = companies.value.some((c) => c.name === first)
      // A follow-up keeps its company even when it is no longer in the findings.
      await chooseCompany(known || original.value !== null ? first : opts.site)
      state.value = { kind: 'ready' }
    } catch (e) {
      state.value = { kind: 'error', message: errorText(e) }
    }
  }

  function chooseLanguage(l: LetterLanguage): void {
    chosenLanguage.value = l
  }

  function chooseLaw(id: LawId): void {
    law.value = id
    also.value = also.value.filter((a) => a !== id)
    if (!kinds.value.includes(kind.value)) kind.value = kinds.value[0] ?? 'access'
  }

  /** Stores the request as sent through `channel`. */
  async function markSent(channel: RequestChannel): Promise<void> {
    const r = letter.value
    if (!('letter' in r)) return
    const reply = await api.send({
      type: 'request.create',
      request: {
        site: site.value,
        company: company.value,
        law: law.value,
        kind: kind.value,
        reference: reference.value,
        recipient: email.value !== '' ? email.value : formUrl.value,
        subject: r.letter.subject,
        text: r.letter.body,
        channel,
        language: r.letter.language,
        ...(original.value?.id === undefined ? {} : { followUpOf: original.value.id }),
      },
    })
    sent.value = reply
  }

  /** Copies subject and letter; says so if the browser refused (the letter stays on the page
   * to be selected and copied by hand). */
  async function copy(): Promise<boolean> {
    const r = letter.value
    if (!('letter' in r)) return false
    try {
      await api.copy(`${r.letter.subject}\n\n${r.letter.body}`)
    } catch {
      notice.value = 'copyFailed'
      return false
    }
    notice.value = 'copied'
    return true
  }

  function download(): void {
    const r = letter.value
    if (!('letter' in r)) return
    const eml = emlFile({
      to: email.value,
      subject: r.letter.subject,
      body: r.letter.body,
      date: new Date(api.now()),
    })
    api.save(`${reference.value}.eml`, eml, 'message/rfc822')
    notice.value = 'eml'
  }

  async function openForm(): Promise<void> {
    if (formUrl.value === '') return
    const copied = await copy()
    api.open(formUrl.value)
    if (copied) notice.value = 'form'
  }

  /** Opens the mail app with the letter; a letter too long for a mail link is copied instead,
   * and the mail app opens with the address and subject only, ready for pasting. */
  async function openMail(): Promise<void> {
    const r = letter.value
    if (!('letter' in r)) return
    const url = mailto.value
    if (url !== null) {
      api.open(url)
      return
    }
    const copied = await copy()
    const short = mailtoUrl(email.value, r.letter.subject, '')
    if (short !== null) api.open(short)
    if (copied) notice.value = 'tooLong'
  }

  /** Looks on the site's own pages for a privacy contact (the user asked for it). */
  async function discover(): Promise<void> {
    discovery.value = { kind: 'looking' }
    try {
      const reply = await api.send({ type: 'contacts.discover', site: site.value })
      discovery.value = { kind: 'done', ...reply }
    } catch (e) {
      discovery.value = {
        kind: 'done',
        candidates: [],
        policyUrl: null,
        error: { code: 'failed', message: errorText(e) },
      }
    }
  }

  async function saveContact(): Promise<void> {
    await api.send({
      type: 'contact.save',
      contact: { site: company.value, email: email.value, formUrl: formUrl.value },
    })
    notice.value = 'contactSaved'
  }

  return {
    state,
    site,
    observations,
    law,
    also,
    kind,
    company,
    email,
    formUrl,
    senderName,
    senderEmail,
    details,
    include,
    original,
    reference,
    sent,
    notice,
    lawInfo,
    kinds,
    languages,
    language,
    chooseLanguage,
    companies,
    suggested,
    letter,
    mailto,
    load,
    chooseLaw,
    chooseCompany,
    markSent,
    copy,
    download,
    openForm,
    openMail,
    saveContact,
    discovery,
    discover,
  }
}

export type DraftStore = ReturnType<typeof createDraftStore>
