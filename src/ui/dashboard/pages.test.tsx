// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'

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

afterEach(cleanup)

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
    ])
    expect(moments[1]?.textContent).toContain('You answered: no to personalised ads.')
    expect(moments[1]?.textContent).toContain('read from the site’s consent tool')
    expect(moments[2]?.textContent).toContain('The banner is run by OneTrust.')
    expect(moments[2]?.textContent).toContain('read from the site’s cookie')
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

  it('site page: deleting asks first, then sends the deletion', async () => {
    const { calls } = show('#/site/shop.test')
    fireEvent.click(await screen.findByTestId('delete-site'))
    expect(calls).toEqual([])
    expect(screen.getByRole('alertdialog').textContent).toContain('(1 visit, 1 finding)')
    fireEvent.click(screen.getByTestId('confirm-delete'))
    await screen.findByTestId('site-deleted')
    expect(calls).toEqual(['delete shop.test'])
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
    fireEvent.click(screen.getByTestId('delete-all'))
    fireEvent.click(screen.getByTestId('confirm-delete-all'))
    await waitFor(() => expect(calls).toContain('delete all'))
    expect(screen.getByTestId('settings-status').textContent).toContain('deleted')
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
