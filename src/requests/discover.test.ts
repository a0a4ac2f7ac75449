import { describe, expect, it } from 'vitest'
import { emailsIn, policyLinks, rankCandidates } from './discover'

const HOME = `<!doctype html><html><head>
<link rel="privacy-policy" href="/legal/privacy">
</head><body>
<footer>
  <a href="/about">About us</a>
  <a href="https://news.test/datenschutz">Datenschutzerklärung</a>
  <a href="/ccpa">Do Not Sell or Share My Personal Information</a>
  <a href="mailto:editor@news.test">Write to us</a>
  <a href="/confidentialite">Politique de <b>confidentialité</b></a>
</footer></body></html>`

describe('policyLinks', () => {
  it('finds the declared policy first, then footer links in several languages, at most three', () => {
    expect(policyLinks(HOME, 'https://news.test/')).toEqual([
      'https://news.test/legal/privacy',
      'https://news.test/datenschutz',
      'https://news.test/ccpa',
    ])
  })
  it('finds Spanish and Portuguese links and ignores javascript: and mail links', () => {
    const html = `<a href="javascript:alert(1)">Privacy</a><a href='/privacidad'>Política de privacidad</a><a href="/p">Política de Privacidade</a><a href="mailto:privacy@x.test">privacy</a>`
    expect(policyLinks(html, 'https://x.test/a/b')).toEqual([
      'https://x.test/privacidad',
      'https://x.test/p',
    ])
  })
  it('finds nothing on a page without privacy links', () => {
    expect(policyLinks('<a href="/about">About</a>', 'https://x.test/')).toEqual([])
  })
})

describe('emailsIn', () => {
  it('reads mail links, plain text and obfuscated addresses', () => {
    const html = `<p>Contact our DPO: <a href="mailto:dpo@news.test?subject=hi">here</a>.</p>
      <p>Press: press@news.test.</p>
      <p>Datenschutz: datenschutz [at] news [dot] test</p>
      <p>Privacy: privacy(at)news.test</p>
      <p>Legal: legal&#64;news&#46;test</p>
      <script>var x = "tracking@cdn.test"</script>`
    expect(
      emailsIn(html)
        .map((e) => e.email)
        .sort(),
    ).toEqual([
      'datenschutz@news.test',
      'dpo@news.test',
      'legal@news.test',
      'press@news.test',
      'privacy@news.test',
    ])
  })
  it('finds none where there are none', () => {
    expect(emailsIn('<p>Use our form.</p>')).toEqual([])
  })
})

describe('rankCandidates', () => {
  it('puts privacy, dpo and datenschutz addresses first and remembers where each was found', () => {
    const ranked = rankCandidates([
      { url: 'https://news.test/', html: '<a href="mailto:info@news.test">x</a> legal@news.test' },
      {
        url: 'https://news.test/datenschutz',
        html: 'Schreiben Sie an datenschutz@news.test oder info@news.test',
      },
      {
        url: 'https://news.test/privacy',
        html: 'privacy-team@news.test and dpo [at] news [dot] test',
      },
    ])
    expect(ranked.map((c) => c.email)).toEqual([
      'datenschutz@news.test',
      'privacy-team@news.test',
      'dpo@news.test',
      'legal@news.test',
      'info@news.test',
    ])
    expect(ranked[0]).toEqual({
      email: 'datenschutz@news.test',
      url: 'https://news.test/datenschutz',
      how: 'text',
    })
    expect(ranked[2]?.how).toBe('obfuscated')
  })
})
