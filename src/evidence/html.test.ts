import { Window } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import { buildEvidence } from './build'
import { escapeHtml, evidenceReport } from './html'
import { CONSENT, FINDINGS, input, SITES, VISITS } from './test-data'

const HOSTILE = `"><script>alert(1)</script><img src=x onerror=alert(2)>'&`

describe('escapeHtml', () => {
  it('escapes what could open a tag or leave an attribute', () => {
    expect(escapeHtml(HOSTILE)).toBe(
      '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;',
    )
  })
})

describe('evidenceReport', () => {
  it('summarises each site and shows the chain head and how to verify', async () => {
    const e = await buildEvidence(input())
    const html = evidenceReport(e)
    expect(html).toContain('<title>Tracelight evidence report: all sites</title>')
    expect(html).toMatch(
      /<td>news\.test<\/td><td class="num">2<\/td><td>Facebook, Google<\/td><td>unknown-widgets\.test<\/td>/,
    )
    expect(html).toMatch(
      /<td>shop\.test<\/td><td class="num">1<\/td><td>—<\/td><td>—<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">1<\/td>/,
    )
    expect(html).toContain(e.integrity.head)
    expect(html).toContain('npm run verify -- evidence.json')
    expect(html).toContain('standard mode')
    expect(html).not.toMatch(/<script|\son\w+=/i)
  })

  it('renders hostile page-derived strings as text, never as markup', async () => {
    const e = await buildEvidence(
      input({
        sites: [{ ...SITES[0]!, site: 'news.test' }],
        visits: [{ ...VISITS[0]!, url: `https://news.test/${HOSTILE}` }],
        findings: [
          {
            ...FINDINGS[0]!,
            company: HOSTILE,
            category: HOSTILE,
            evidence: { urls: [`https://t.test/?q=${HOSTILE}`], details: [{ event: HOSTILE }] },
          },
        ],
        consent: [{ ...input().consent![0]!, state: { cmp: HOSTILE } }],
        requests: [{ ...input().requests![0]!, company: HOSTILE, recipient: HOSTILE }],
      }),
    )
    const html = evidenceReport(e)
    expect(html).not.toContain(HOSTILE)
    // Parsed as a browser would: no element or attribute came from the page strings, and
    // they read back as the same text.
    const doc = new new Window().DOMParser().parseFromString(html, 'text/html')
    expect(doc.querySelectorAll('script, img, [onerror]')).toHaveLength(0)
    const text = doc.body.textContent
    expect(text.split(HOSTILE).length - 1).toBeGreaterThanOrEqual(3)
    // Even if a string slipped through, the page allows no script to run.
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
  })

  it('says plainly whether values are masked or full evidence', async () => {
    const visits = [
      {
        ...VISITS[0]!,
        url: 'https://news.test/?session=Ab12Cd34Ef56Gh78',
        mode: 'evidence' as const,
      },
    ]
    const masked = evidenceReport(await buildEvidence(input({ visits })))
    expect(masked).toContain('data-redaction="masked"')
    expect(masked).not.toContain('Ab12Cd34Ef56Gh78')
    const full = evidenceReport(await buildEvidence(input({ visits, redaction: 'none' })))
    expect(full).toContain('<strong>Full evidence.</strong>')
    expect(full).toContain('Ab12Cd34Ef56Gh78')
    const nothingFull = evidenceReport(await buildEvidence(input({ redaction: 'none' })))
    expect(nothingFull).toContain('every record here was made in standard mode')
  })

  it('shows each site’s consent timeline and the requests made, in plain words', async () => {
    const masked = new new Window().DOMParser().parseFromString(
      evidenceReport(await buildEvidence(input())),
      'text/html',
    )
    const consent = masked.querySelector('[data-testid="report-consent"]')
    const rows = [...(consent?.querySelectorAll('tbody tr') ?? [])].map((r) => r.textContent)
    expect(rows).toHaveLength(3)
    expect(rows[0]).toContain('The banner is run by OneTrust.')
    expect(rows[1]).toContain('The cookie banner appeared.')
    expect(rows[2]).toContain('You answered: no to personalised ads.')
    expect(rows[2]).toContain('read from the site’s consent tool')
    const requests = masked.querySelector('[data-testid="report-requests"]')
    const lines = [...(requests?.querySelectorAll('tbody tr') ?? [])].map((r) => r.textContent)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(
      /News Test Ltd.*GDPR.*See what they hold about you.*TL-20261130-ABCD.*2026-12-30Sent, waiting for an answer/,
    )
    expect(masked.body.textContent).toContain('letters themselves are left out of masked exports')
    expect(masked.body.textContent).not.toContain('Ada Example')
  })

  it('says what a visit with GPC showed, compared with earlier visits without it', async () => {
    const compared = {
      id: 9,
      visitId: 1,
      site: 'news.test',
      at: (CONSENT[0]?.at ?? 0) + 900,
      source: 'wire' as const,
      framework: 'gpc' as const,
      event: 'compared',
      state: { outcome: 'ignored', comparedVisits: 3, sameIdSync: ['Google', 'Xandr'] },
    }
    const report = new new Window().DOMParser().parseFromString(
      evidenceReport(await buildEvidence(input({ consent: [...CONSENT, compared] }))),
      'text/html',
    )
    const rows = [...report.querySelectorAll('[data-testid="report-consent"] tbody tr')].map(
      (r) => r.textContent,
    )
    expect(rows.at(-1)).toContain(
      'The site ignored your opt-out signal. Without GPC on 3 earlier visits, and with GPC now, these 2 companies got your ID from other companies: Google, Xandr.',
    )
    expect(rows.at(-1)).toContain('compared with your earlier visits without GPC')
  })

  it('names the scope: a company and a period', async () => {
    const html = evidenceReport(
      await buildEvidence(
        input({
          scope: {
            company: 'Facebook',
            from: '2026-11-30T00:00:00.000Z',
            to: '2026-11-30T23:59:59.999Z',
          },
        }),
      ),
    )
    expect(html).toContain('<title>Tracelight evidence report: Facebook</title>')
    expect(html).toContain(
      'the company Facebook, on every site; visits that began from 2026-11-30 00:00:00 UTC to 2026-11-30 23:59:59 UTC',
    )
  })

  it('lists the first findings of a large site and says where the rest are', async () => {
    const findings = Array.from({ length: 30 }, (_, i) => ({
      ...FINDINGS[0]!,
      party: `p${i}.test`,
    }))
    const e = await buildEvidence(input({ findings }))
    const html = evidenceReport(e, { jsonName: 'evidence.json', maxFindingsPerSite: 10 })
    expect(html).toContain(
      'This report lists 10 of the 30 findings on news.test; all of them are in evidence.json and findings.csv.',
    )
    expect(html.match(/<td>p\d+\.test<\/td>/g)).toHaveLength(10)
    // The summary still counts everything.
    expect(evidenceReport(e)).not.toContain('report-cut')
  })
})
