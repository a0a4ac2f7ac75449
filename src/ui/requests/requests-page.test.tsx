// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { i18nOf } from '@/ui/i18n/all'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { serveCatalogues } from '@/ui/i18n/served'

vi.mock('@/ui/state/evidence-api', () => ({
  dashboardEvidenceApi: { build: () => Promise.reject(new Error('not here')), save: () => {} },
  dashboardImporter: () => Promise.reject(new Error('not here')),
}))
import type { FindingRow, RequestRow } from '@/db/schema'
import { KIND_IDS, LAWS } from '@/requests/laws'
import { letterDate } from '@/requests/letters/format'
import { createStores } from '@/ui/dashboard/context'
import { fixtureApi, sampleData } from '@/ui/dashboard/fixture'
import { Root } from '@/ui/dashboard/Root'
import { LANGUAGES, type Language } from '@/ui/i18n'
import { parseRoute } from '@/ui/state/route'
import type { RequestsApi } from './api'
import { lawWords } from './i18n'
import { icsWords } from './words'
import { RequestsRoute } from './RequestsRoute'

const NOW = new Date(2026, 0, 31, 12).getTime()

const finding = (over: Partial<FindingRow>): FindingRow => ({
  visitId: 1,
  signal: 'tracker.request',
  party: 'criteo.com',
  site: 'news.test',
  company: 'Criteo',
  count: 2,
  firstAt: NOW - 1000,
  lastAt: NOW - 500,
  evidence: { urls: [] },
  mode: 'standard',
  ...over,
})

function requestsApi(locale: string): RequestsApi {
  return {
    findings: async () => [finding({})],
    contact: async () => undefined,
    requests: async () => [],
    request: async () => undefined,
    send: async () => ({}) as never,
    copy: async () => undefined,
    save: () => undefined,
    open: () => undefined,
    now: () => NOW,
    locale,
  }
}

/** The dashboard's request page, in the language the browser or the settings give. */
async function show(browser: string, setting = '') {
  const { api, settings } = fixtureApi(sampleData(NOW), NOW)
  settings.language = setting
  const stores = createStores(api)
  const ra = requestsApi(browser)
  const hash = '#/requests/new?site=news.test&company=Criteo'
  render(
    <Root
      stores={stores}
      route={parseRoute(hash)}
      browserLanguages={[browser]}
      navigate={() => undefined}
      requests={(h) => <RequestsRoute api={ra} hash={h} />}
    />,
  )
  await screen.findByTestId('new-request')
  await waitFor(() => expect(stores.settings.state.value.kind).toBe('ready'))
}

const subject = () => screen.getByTestId('letter-subject').textContent ?? ''
const options = () =>
  [...(screen.getByTestId('letter-language') as HTMLSelectElement).options].map((o) => o.value)

// The other languages' words, as the built extension serves them to its pages.
beforeEach(serveCatalogues)
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('the request flow speaks the user’s language', () => {
  it('German browser: German page, German letter, and only the languages the letter exists in', async () => {
    await show('de-DE')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Criteo nach deinen Daten fragen',
    )
    expect(screen.getByTestId('not-legal-advice').textContent).toMatch(/keine Rechtsberatung/)
    expect(screen.getByTestId('letter-missing').textContent).toMatch(/Gib deinen Namen ein/)
    fireEvent.input(screen.getByTestId('sender-name'), { target: { value: 'Alex Doe' } })
    await screen.findByTestId('letter-subject')
    expect(subject()).toMatch(/^Antrag auf Auskunft nach Art\. 15 DSGVO – Referenz TL-2026/)
    expect(screen.getByTestId('letter').getAttribute('lang')).toBe('de')
    expect(options()).toEqual(['en', 'de', 'fr', 'es'])
    expect(screen.getByTestId('due').textContent).toContain('28. Februar 2026')

    // Always changeable…
    fireEvent.change(screen.getByTestId('letter-language'), { target: { value: 'es' } })
    await waitFor(() => expect(subject()).toMatch(/^Ejercicio del derecho de acceso/))
    // …and a law without German or French letters offers English and Spanish only.
    fireEvent.change(screen.getByTestId('law'), { target: { value: 'us-va' } })
    await waitFor(() => expect(options()).toEqual(['en', 'es']))
    expect(subject()).toMatch(/^Solicitud para saber \(ley de privacidad de Virginia\)/)
    expect(screen.getByTestId('law-explain').textContent).toMatch(
      /Firmen müssen Global Privacy Control nicht beachten\..*Widerspruch innerhalb von 60 Tagen/,
    )
  })

  it('Tracelight set to French: a French page and a French letter, even in an English browser (UK law)', async () => {
    await show('en-GB', 'fr')
    await waitFor(() =>
      expect(screen.getByTestId('not-legal-advice').textContent).toMatch(
        /pas un conseil juridique/,
      ),
    )
    fireEvent.input(screen.getByTestId('sender-name'), { target: { value: 'Alex Doe' } })
    await waitFor(() =>
      expect(subject()).toMatch(/^Exercice du droit d'accès \(article 15 du UK GDPR\)/),
    )
  })

  it('a letter that exists in one language says so', async () => {
    await show('de-DE')
    fireEvent.change(screen.getByTestId('law'), { target: { value: 'pipeda' } })
    await waitFor(() => expect(options()).toEqual(['en']))
    expect(screen.getByTestId('letter-language-hint').textContent).toBe(
      'Dieses Schreiben gibt es nur auf English.',
    )
  })
})

describe('words', () => {
  it.each(Object.keys(LANGUAGES) as Language[])('%s: every law has all its words', (language) => {
    const i18n = i18nOf(language)
    for (const law of LAWS) {
      const w = lawWords(i18n, law)
      for (const [k, v] of Object.entries(w)) {
        if (v === null) continue
        expect(v.trim(), `${law.id} ${k}`).not.toBe('')
        expect(v, `${law.id} ${k}`).not.toMatch(/[{}]|requests\./)
      }
      expect(w.verify === null, law.id).toBe(law.verify === undefined)
    }
    expect(
      lawWords(i18nOf(language), LAWS.find((l) => l.id === 'us-co') ?? LAWS[0]!).explain,
    ).toContain(letterDate('2024-07-01', language))
  })

  it.each(Object.keys(LANGUAGES) as Language[])(
    '%s: the calendar file names every kind of request and the day it was sent',
    (language) => {
      const i18n = i18nOf(language)
      const words = icsWords(i18n)
      const row = (kind: string, sentAt?: number): RequestRow => ({
        site: 'news.test',
        company: 'Criteo',
        law: 'gdpr-eu',
        kind,
        reference: 'TL-20260131-ABCD',
        recipient: '',
        subject: 's',
        text: 't',
        createdAt: 0,
        ...(sentAt === undefined ? {} : { sentAt }),
        extension: false,
        status: 'sent',
        history: [],
      })
      for (const kind of KIND_IDS) {
        for (const r of [row(kind, NOW), row(kind)]) {
          const text = `${words.summary(r)} ${words.description(r)}`
          expect(text, kind).not.toMatch(/[{}]|requests\./)
          expect(text).toContain(i18n.t(`requests.kind.${kind}`))
          expect(text).toContain('Criteo') // no address given: the company
        }
        expect(words.description(row(kind, NOW))).toContain(letterDate('2026-01-31', language))
      }
    },
  )
})
