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
import { forCompany, observe, type Observations } from '@/requests/observe'
import {
  DraftError,
  newReference,
  renderLetter,
  type Include,
  type Letter,
} from '@/requests/render'
import { emlFile, mailtoUrl } from '@/requests/send'
import type { RequestsApi } from './api'

export type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string }

export interface CompanyChoice {
  name: string
  domains: string[]
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

export function createDraftStore(api: RequestsApi) {
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
  const notice = signal('')
  const discovery = signal<
    | { kind: 'idle' }
    | { kind: 'looking' }
    | { kind: 'done'; candidates: Candidate[]; policyUrl: string | null; error: string | null }
  >({ kind: 'idle' })

  const lawInfo = computed(() => lawById(law.value))
  const kinds = computed(() => {
    const l = lawInfo.value
    if (l === undefined) return []
    const all = kindsOf(l)
    return original.value === null ? all.filter((k) => !FOLLOW_UPS.has(k)) : all
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
  const letter = computed<{ letter: Letter } | { error: string }>(() => {
    const l = lawInfo.value
    if (l === undefined) return { error: 'Choose a law' }
    const obs = observations.value
    const o = original.value
    try {
      return {
        letter: renderLetter({
          law: l,
          also: also.value.flatMap((id) => lawById(id) ?? []),
          kind: kind.value,
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
                },
              }
            : {}),
        }),
      }
    } catch (e) {
      if (e instanceof DraftError) return { error: e.message }
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
        ...(original.value?.id === undefined ? {} : { followUpOf: original.value.id }),
      },
    })
    sent.value = reply
  }

  async function copy(): Promise<void> {
    const r = letter.value
    if (!('letter' in r)) return
    await api.copy(`${r.letter.subject}\n\n${r.letter.body}`)
    notice.value = 'Copied. Paste it into an email or the company’s form.'
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
    notice.value = 'Saved as an email draft: open the file with your mail program.'
  }

  async function openForm(): Promise<void> {
    if (formUrl.value === '') return
    await copy()
    api.open(formUrl.value)
    notice.value = 'The letter is copied: paste it into the form that just opened.'
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
    await copy()
    const short = mailtoUrl(email.value, r.letter.subject, '')
    if (short !== null) api.open(short)
    notice.value =
      'The letter is too long for a mail link, so it is copied: paste it into the message that just opened.'
  }

  /** Looks on the site's own pages for a privacy contact (the user asked for it). */
  async function discover(): Promise<void> {
    discovery.value = { kind: 'looking' }
    try {
      const reply = await api.send({ type: 'contacts.discover', site: site.value })
      discovery.value = { kind: 'done', ...reply }
    } catch (e) {
      discovery.value = { kind: 'done', candidates: [], policyUrl: null, error: errorText(e) }
    }
  }

  async function saveContact(): Promise<void> {
    await api.send({
      type: 'contact.save',
      contact: { site: company.value, email: email.value, formUrl: formUrl.value },
    })
    notice.value = `Saved as the privacy contact for ${company.value}.`
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
