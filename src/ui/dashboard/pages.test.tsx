// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { serveCatalogues } from '@/ui/i18n/served'

// The export and check components default to this browser's database and messages; pages
// rendered from fixture data here only need them present (export is tested in src/evidence
// and in the evidence e2e test).
vi.mock('@/ui/state/evidence-api', () => ({
  dashboardEvidenceApi: { run: () => Promise.reject(new Error('not here')), save: () => {} },
  dashboardImporter: () => Promise.reject(new Error('not here')),
}))
import { parseRoute } from '@/ui/state/route'
import { createStores } from './context'
import { fixtureApi, sampleData } from './fixture'
import { Root } from './Root'

const NOW = new Date(2024, 4, 10, 12, 0).getTime()

/** The dashboard at a hash, rendered from fixture rows without the extension. */
function show(hash: string, browserLanguages: string[] = ['en-GB']) {
  const data = sampleData(NOW)
  const { api, calls, settings } = fixtureApi(data, NOW)
  const navigated: string[] = []
  const stores = createStores(api)
  const view = render(
    <Root
      stores={stores}
      route={parseRoute(hash)}
      browserLanguages={browserLanguages}
      navigate={(h: string) => void navigated.push(h)}
    />,
  )
  return { ...view, calls, settings, navigated, data }
}

// The other languages' words, as the built extension serves them to its pages.
beforeEach(serveCatalogues)
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('dashboard pages from fixture data', () => {
  it('overview: ranking, companies across sites, totals and the trend as a table', async () => {
    const { navigated } = show('#/?period=7')
    const rows = await screen.findAllByTestId('ranked-site')
    expect(rows.map((r) => r.getAttribute('data-site'))).toEqual([
      'news.test',
      'shop.test',
      'blog.test',
    ])
    expect(screen.getByTestId('total-companies').textContent).toBe('2')
    expect(screen.getAllByTestId('reach-company').map((r) => r.dataset.company)).toEqual([
      'Google',
      'Facebook',
    ])
    expect(screen.getAllByTestId('trend-bar')).toHaveLength(7)
    fireEvent.click(screen.getByTestId('trend-table-toggle'))
    expect(within(screen.getByTestId('trend-table')).getAllByRole('row')).toHaveLength(8)
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'face' } })
    expect(navigated).toEqual(['#/?period=7&q=face'])
  })

  it('overview narrows by the search text in the address', async () => {
    show('#/?period=7&q=shop')
    await screen.findByTestId('site-ranking')
    await waitFor(() =>
      expect(screen.getAllByTestId('ranked-site').map((r) => r.dataset.site)).toEqual([
        'shop.test',
      ]),
    )
  })

  it('site page: companies, what they did, timeline and the evidence of a finding', async () => {
    show('#/site/news.test')
    await screen.findByTestId('site-page')
    expect(screen.getAllByTestId('site-company').map((r) => r.dataset.company)).toEqual([
      'Google',
      'Facebook',
    ])
    expect(screen.getByTestId('site-companies').textContent).toContain('Meta Pixel (1)')
    expect(screen.getAllByTestId('timeline-visit')).toHaveLength(2)
    const sent = screen.getByTestId('site-decoded')
    fireEvent.click(within(sent).getByTestId('why-button'))
    const evidence = within(sent).getByTestId('evidence').textContent ?? ''
    expect(evidence).toContain('Purchase')
    expect(evidence).toContain('https://www.facebook.com/tr?id=[hidden]&ev=Purchase')
  })

  it('site page: the consent timeline in plain words', async () => {
    show('#/site/news.test')
    const history = await screen.findByTestId('consent-history')
    const moments = within(history).getAllByTestId('consent-moment')
    expect(moments.map((m) => m.dataset.key)).toEqual([
      'consent.shown',
      'consent.answeredRefused',
      'consent.platform',
      'consent.gpcSent',
      'consent.gpcHonoured',
    ])
    expect(moments[1]?.textContent).toContain('You answered: no to personalised ads.')
    expect(moments[1]?.textContent).toContain('read from the site’s consent tool')
    expect(moments[2]?.textContent).toContain('The banner is run by OneTrust.')
    expect(moments[2]?.textContent).toContain('read from the site’s cookie')
    // The earlier visit sent GPC, and the ID passing seen without it stopped.
    expect(moments[4]?.textContent).toContain(
      'The site honoured your opt-out signal. On 3 earlier visits without GPC, these 2 companies got your ID from other companies: Google, Xandr. With GPC, none of them did.',
    )
    expect(moments[4]?.textContent).toContain('compared with your earlier visits without GPC')
  })

  it('site page: no consent section for a site without a consent timeline', async () => {
    show('#/site/shop.test')
    await screen.findByTestId('site-page')
    expect(screen.queryByTestId('consent-history')).toBeNull()
  })

  it('site page: shows the newest visits first and reads older ones on demand', async () => {
    const data = sampleData(NOW)
    const news = data.sites.find((s) => s.site === 'news.test')
    if (news === undefined) throw new Error('fixture changed')
    // 70 more visits to news.test, each with a Google request, an hour apart.
    for (let i = 0; i < 70; i++) {
      const id = 100 + i
      data.visits.push({
        id,
        site: 'news.test',
        url: `https://news.test/${i}`,
        tabId: 1,
        startedAt: NOW - (3 + i) * 3_600_000,
        mode: 'standard',
      })
      data.findings.push({
        visitId: id,
        signal: 'tracker.request',
        party: 'google-analytics.com',
        site: 'news.test',
        company: 'Google',
        category: 'analytics',
        count: 1,
        firstAt: NOW - (3 + i) * 3_600_000,
        lastAt: NOW - (3 + i) * 3_600_000,
        evidence: { urls: [] },
        mode: 'standard',
      })
    }
    news.visits += 70
    const { api } = fixtureApi(data, NOW)
    render(
      <Root
        stores={createStores(api)}
        route={parseRoute('#/site/news.test')}
        browserLanguages={['en']}
        navigate={() => undefined}
      />,
    )
    await screen.findByTestId('site-page')
    expect(screen.getAllByTestId('timeline-visit')).toHaveLength(30)
    // The totals still count every visit, and Google was on each of them.
    expect(screen.getByTestId('site-visits').textContent).toBe('72')
    expect(screen.getByTestId('site-companies').textContent).toContain('during 72 visits')
    fireEvent.click(screen.getByTestId('more-visits'))
    await waitFor(() => expect(screen.getAllByTestId('timeline-visit')).toHaveLength(60))
    fireEvent.click(screen.getByTestId('more-visits'))
    await waitFor(() => expect(screen.getAllByTestId('timeline-visit')).toHaveLength(72))
    expect(screen.queryByTestId('more-visits')).toBeNull()
    const urls = screen
      .getAllByTestId('timeline-visit')
      .map((v) => v.querySelector('code')?.textContent)
    expect(new Set(urls).size).toBe(72)
  })

  it('site page: lists the first companies, the rest on request; a visit’s findings once opened', async () => {
    const data = sampleData(NOW)
    const shop = data.sites.find((s) => s.site === 'shop.test')
    const visit = data.visits.find((v) => v.site === 'shop.test')
    if (shop === undefined || visit === undefined) throw new Error('fixture changed')
    // 40 more domains of companies in no list, one request each, on shop.test's visit.
    for (let i = 0; i < 40; i++) {
      const party = `cdn${String(i).padStart(2, '0')}.test`
      data.findings.push({
        visitId: visit.id,
        signal: 'thirdparty.request',
        party,
        site: 'shop.test',
        count: 1,
        firstAt: visit.startedAt,
        lastAt: visit.startedAt,
        evidence: { urls: [`https://${party}/x.js`] },
        mode: 'standard',
      })
      shop.companies = {
        ...shop.companies,
        [party]: {
          tracker: false,
          category: 'unknown',
          parties: [party],
          requests: 1,
          firstAt: visit.startedAt,
          lastAt: visit.startedAt,
        },
      }
    }
    const { api } = fixtureApi(data, NOW)
    render(
      <Root
        stores={createStores(api)}
        route={parseRoute('#/site/shop.test')}
        browserLanguages={['en']}
        navigate={() => undefined}
      />,
    )
    await screen.findByTestId('site-page')
    const rows = screen.getAllByTestId('site-company')
    expect(rows).toHaveLength(30)
    // Trackers first.
    expect(rows[0]?.dataset.company).toBe('Google')
    expect(screen.getByTestId('more-companies').textContent).toContain('Showing 30 of 41')
    fireEvent.click(screen.getByTestId('all-companies'))
    await waitFor(() => expect(screen.getAllByTestId('site-company')).toHaveLength(41))
    expect(screen.queryByTestId('more-companies')).toBeNull()

    // The visit's 41 findings are not in the page until its disclosure is opened.
    const entry = screen.getByTestId('timeline-visit')
    expect(within(entry).queryAllByTestId('finding')).toHaveLength(0)
    const details = entry.querySelector('details')
    if (details === null) throw new Error('no disclosure')
    details.open = true
    fireEvent(details, new Event('toggle'))
    await waitFor(() => expect(within(entry).getAllByTestId('finding')).toHaveLength(41))
  })

  it('site page: deleting asks first, then deletes, and Undo brings it back', async () => {
    const { calls } = show('#/site/shop.test')
    fireEvent.click(await screen.findByTestId('delete-site'))
    expect(calls).toEqual([])
    const question = screen.getByRole('alertdialog')
    expect(question.textContent).toContain('(1 visit, 1 finding)')
    expect(question.textContent).toContain('You can undo it for a few seconds')
    // The question takes the focus, on its safe answer.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'))
    fireEvent.click(screen.getByTestId('confirm-delete'))
    await screen.findByTestId('site-deleted')
    expect(calls).toEqual(['delete {"kind":"site","site":"shop.test"}'])
    const status = await screen.findByTestId('undo-status')
    await waitFor(() =>
      expect(status.textContent).toBe(
        'Deleted what Tracelight recorded on shop.test: 1 visit, 1 finding. You can undo this for 10 seconds.',
      ),
    )
    expect(status.getAttribute('role')).toBe('status')
    const undo = screen.getByTestId('undo')
    // The button pressed is gone: the focus moves to Undo.
    await waitFor(() => expect(document.activeElement).toBe(undo))
    fireEvent.click(undo)
    await waitFor(() => expect(status.textContent).toContain('Restored'))
    expect(calls).toContain('undo 1')
    // Every view reads its rows again: the site is back.
    expect((await screen.findByTestId('site-title')).textContent).toBe('shop.test')
  })

  it('company page: deletes a company’s records after saying how many, on how many sites', async () => {
    const { calls, data } = show('#/company/Google')
    fireEvent.click(await screen.findByTestId('delete-company-button'))
    const question = await screen.findByRole('alertdialog')
    expect(question.querySelector('p')?.textContent).toBe(
      'Delete 3 findings of Google on 2 sites? Your visits stay; only what Google did is removed. Nothing changes at Google itself. You can undo it for a few seconds afterwards.',
    )
    fireEvent.click(screen.getByTestId('delete-company-confirm'))
    expect((await screen.findByTestId('company-deleted')).textContent).toContain(
      'What Tracelight recorded about Google has been deleted.',
    )
    expect(calls).toEqual(['delete {"kind":"company","name":"Google"}'])
    expect(data.findings.some((f) => f.company === 'Google')).toBe(false)
    expect(data.findings.some((f) => f.company === 'Facebook')).toBe(true)
    expect((await screen.findByTestId('undo-status')).textContent).toContain(
      'Deleted 3 findings of Google on 2 sites.',
    )
  })

  it('company page: sites, domains and what it did', async () => {
    show('#/company/Google')
    await screen.findByTestId('company-page')
    expect(screen.getAllByTestId('company-site').map((r) => r.dataset.site)).toEqual([
      'news.test',
      'shop.test',
    ])
    expect(screen.getByTestId('company-domains').textContent).toBe('google-analytics.com')
    expect(screen.getByTestId('company-sites').textContent).toBe('2')
  })

  it('an unknown company or site says so plainly', async () => {
    show('#/company/Nobody')
    expect((await screen.findByTestId('company-unknown')).textContent).toContain('Nobody')
    cleanup()
    show('#/site/never.test')
    expect((await screen.findByTestId('site-unknown')).textContent).toContain('never.test')
  })

  it('graph: nodes for sites and companies; a click opens the page', async () => {
    const { navigated } = show('#/graph?period=30')
    await screen.findByTestId('graph')
    const nodes = screen.getAllByTestId('graph-node')
    expect(nodes.map((n) => `${n.dataset.kind}:${n.dataset.id}`).sort()).toEqual([
      'company:Facebook',
      'company:Google',
      'site:news.test',
      'site:shop.test',
    ])
    fireEvent.click(nodes.find((n) => n.dataset.id === 'Google') as Element)
    expect(navigated).toEqual(['#/company/Google'])
  })

  it('settings: retention, pause, evidence mode and delete everything go through the api', async () => {
    const { calls } = show('#/settings')
    const retention = (await screen.findByTestId('retention')) as HTMLSelectElement
    expect(retention.value).toBe('90')
    expect(screen.getByTestId('storage-used').textContent).toContain('1.2 MB')
    fireEvent.change(retention, { target: { value: '0' } })
    await waitFor(() => expect(calls).toEqual(['set retentionDays=0']))
    fireEvent.click(screen.getByTestId('pause'))
    await waitFor(() => expect(calls).toContain('set recordingPaused=true'))
    fireEvent.click(screen.getByTestId('delete-all-button'))
    const question = await screen.findByRole('alertdialog')
    expect(question.textContent).toContain('3 sites, 4 visits and 6 findings')
    fireEvent.click(screen.getByTestId('delete-all-confirm'))
    await waitFor(() => expect(calls).toContain('delete {"kind":"everything"}'))
    expect((await screen.findByTestId('delete-all-status')).textContent).toContain('deleted')
  })

  it('settings: deletes a period of days, and refuses one that ends before it starts', async () => {
    const { calls, data } = show('#/settings')
    const from = (await screen.findByTestId('range-from')) as HTMLInputElement
    const to = screen.getByTestId('range-to') as HTMLInputElement
    // The fixture's first day (news.test's first visit and shop.test's only one).
    const day1 = new Date(NOW - 86_400_000)
    const iso = `${day1.getFullYear()}-${String(day1.getMonth() + 1).padStart(2, '0')}-${String(day1.getDate()).padStart(2, '0')}`
    fireEvent.input(from, { target: { value: '2024-05-10' } })
    fireEvent.input(to, { target: { value: iso } })
    fireEvent.click(screen.getByTestId('delete-range-button'))
    expect(screen.getByTestId('range-error').textContent).toBe(
      'Choose a first day on or before the last day.',
    )
    fireEvent.input(from, { target: { value: iso } })
    fireEvent.click(screen.getByTestId('delete-range-button'))
    const question = await screen.findByRole('alertdialog')
    expect(question.textContent).toMatch(
      /^Delete 2 visits and 2 findings on 2 sites, all from 9 May 2024\?/,
    )
    fireEvent.click(screen.getByTestId('delete-range-confirm'))
    await waitFor(() =>
      expect(calls.some((c) => c.startsWith('delete {"kind":"range"'))).toBe(true),
    )
    expect(data.visits.map((v) => v.id).sort()).toEqual([2, 4])
  })

  it('settings: excludes and includes sites, and says so when the name is not one', async () => {
    const { calls } = show('#/settings')
    expect((await screen.findByTestId('excluded-none')).textContent).toBe('Every site is recorded.')
    const input = screen.getByTestId('exclude-input') as HTMLInputElement
    fireEvent.input(input, { target: { value: 'not a site' } })
    fireEvent.click(screen.getByTestId('exclude-add'))
    expect((await screen.findByTestId('exclude-error')).textContent).toContain('example.com')
    expect(calls).toEqual([])
    fireEvent.input(input, { target: { value: 'https://Bank.test/login?x=1' } })
    fireEvent.click(screen.getByTestId('exclude-add'))
    await waitFor(() => expect(calls).toEqual(['exclude bank.test']))
    expect(screen.getAllByTestId('excluded-site').map((e) => e.dataset.site)).toEqual(['bank.test'])
    expect(screen.getByTestId('settings-status').textContent).toBe(
      'bank.test is no longer recorded.',
    )
    expect(input.value).toBe('')
    fireEvent.click(screen.getByTestId('include-site'))
    await waitFor(() => expect(calls).toEqual(['exclude bank.test', 'include bank.test']))
    await screen.findByTestId('excluded-none')
  })

  it('search: the header box finds sites, companies and kinds of findings, as links', async () => {
    const { navigated } = show('#/')
    fireEvent.input(await screen.findByTestId('header-search'), { target: { value: 'pix' } })
    expect(navigated).toEqual(['#/search?q=pix'])
    cleanup()
    show('#/search?q=pixel')
    const signal = await screen.findByTestId('search-signal')
    expect(signal.dataset.signal).toBe('pixel.facebook')
    expect(signal.textContent).toContain('Meta Pixel')
    expect(within(signal).getByRole('link', { name: 'news.test' }).getAttribute('href')).toBe(
      '#/site/news.test',
    )
    cleanup()
    show('#/search?q=google')
    const company = await screen.findByTestId('search-company')
    expect(within(company).getByRole('link').getAttribute('href')).toBe('#/company/Google')
    expect(screen.queryAllByTestId('search-site')).toEqual([])
    cleanup()
    show('#/search?q=test&type=sites')
    await screen.findAllByTestId('search-site')
    expect(screen.getAllByTestId('search-site').map((s) => s.dataset.site)).toEqual([
      'news.test',
      'shop.test',
      'blog.test',
    ])
    expect(screen.queryAllByTestId('search-company')).toEqual([])
    cleanup()
    show('#/search?q=nothing-like-this')
    expect((await screen.findByTestId('search-none')).textContent).toBe(
      'Nothing matches “nothing-like-this”.',
    )
  })

  it('follows the browser’s language, and the language setting switches it', async () => {
    show('#/settings', ['de-AT', 'en'])
    await screen.findByTestId('settings-page')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Einstellungen und deine Daten',
    )
    expect(document.documentElement.lang).toBe('de')
    fireEvent.change(screen.getByTestId('language'), { target: { value: 'fr' } })
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Réglages et vos données'),
    )
    expect(screen.getByTestId('storage-used').textContent).toContain('1,2')
  })
})
