import { Window } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import { buildEvidence } from './format'
import { escapeHtml, evidenceReport } from './html'
import { FINDINGS, input, SITES, VISITS } from './test-data'

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

  it('says when records hold full values (evidence mode)', async () => {
    const e = await buildEvidence(input({ visits: [{ ...VISITS[0]!, mode: 'evidence' }] }))
    expect(evidenceReport(e)).toContain('Some records were made in evidence mode')
  })
})
