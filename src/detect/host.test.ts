import { describe, expect, it } from 'vitest'
import { hostOf, siteOfHost, siteOfUrl } from './host'

/** [URL, expected host, expected site]. */
const URLS: [string, string | null, string | null][] = [
  // Positives: plain network URLs
  ['https://www.example.com/path?q=1#f', 'www.example.com', 'example.com'],
  ['http://example.com', 'example.com', 'example.com'],
  ['https://a.com?x=1', 'a.com', 'a.com'],
  ['https://a.com#frag', 'a.com', 'a.com'],
  ['ws://sock.example.com/live', 'sock.example.com', 'example.com'],
  ['wss://sock.example.com', 'sock.example.com', 'example.com'],
  // Ports and credentials are not part of the host
  ['https://www.example.com:8443/a', 'www.example.com', 'example.com'],
  ['https://a.com:/', 'a.com', 'a.com'],
  ['https://user:secret@host.example.com:8080/x', 'host.example.com', 'example.com'],
  ['https://a@b@c.example.com/', 'c.example.com', 'example.com'],
  ['https://a.com/login?next=user@evil.com', 'a.com', 'a.com'],
  ['https://x.com%2F@evil.com/', 'evil.com', 'evil.com'],
  // Upper case, trailing dot
  ['HTTPS://WWW.Example.COM/', 'www.example.com', 'example.com'],
  ['HtTpS://X.COM', 'x.com', 'x.com'],
  ['https://example.com./x', 'example.com', 'example.com'],
  ['http://1.2.3.4./', '1.2.3.4', '1.2.3.4'],
  // IP addresses are their own site
  ['http://192.168.0.1:8080/', '192.168.0.1', '192.168.0.1'],
  ['http://10.0.0.1', '10.0.0.1', '10.0.0.1'],
  ['http://[::1]:8080/', '[::1]', '[::1]'],
  ['http://[FE80::1]/x', '[fe80::1]', '[fe80::1]'],
  ['https://[2001:db8::1]', '[2001:db8::1]', '[2001:db8::1]'],
  // IDN in Unicode and percent-escapes go through the URL parser: punycode, lower case
  ['https://bücher.de/', 'xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ['https://www.BÜCHER.DE/', 'www.xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ['https://xn--bcher-kva.de/', 'xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ['https://ex%61mple.com/', 'example.com', 'example.com'],
  // A backslash ends the authority, as in the URL parser for special schemes
  ['https://evil.com\\@good.com/', 'evil.com', 'evil.com'],
  ['https://evil.com\\path', 'evil.com', 'evil.com'],
  // localhost, private suffixes, multi-part suffixes, unknown TLDs
  ['http://localhost:3000/', 'localhost', 'localhost'],
  ['https://alice.github.io/', 'alice.github.io', 'alice.github.io'],
  ['https://x.alice.github.io/', 'x.alice.github.io', 'alice.github.io'],
  ['https://www.bbc.co.uk/news', 'www.bbc.co.uk', 'bbc.co.uk'],
  ['https://cdn.news.test/app.js', 'cdn.news.test', 'news.test'],
  ['http://intranet/', 'intranet', 'intranet'],
  // Near-misses: network-looking text inside other schemes
  ['ftp://x.com/file', null, null],
  ['data:text/html,https://x.com/', null, null],
  ['blob:https://example.com/0b7c2f4e', null, null],
  ['about:blank', null, null],
  ['about:srcdoc', null, null],
  ['file:///etc/passwd', null, null],
  ['chrome-extension://abcdefghijklmnop/popup.html', null, null],
  ['moz-extension://0b7c2f4e-1111/popup.html', null, null],
  ['javascript://example.com/%0aalert(1)', null, null],
  ['httpx://example.com/', null, null],
  // Garbage
  ['', null, null],
  ['not a url', null, null],
  ['://x.com', null, null],
  ['http://', null, null],
  ['https://@/', null, null],
  ['https://[::1', null, null],
  ['https://exa mple.com/', null, null],
]

describe('hostOf and siteOfUrl', () => {
  it.each(URLS)('%s -> host %s, site %s', (url, host, site) => {
    expect(hostOf(url)).toBe(host)
    expect(siteOfUrl(url)).toBe(site)
  })

  it('agrees with the URL parser on every network URL it accepts', () => {
    for (const [url, host] of URLS) {
      if (host === null) continue
      expect(new URL(url).hostname.replace(/\.$/, ''), url).toBe(host)
    }
  })
})

/** [host, expected site]. */
const HOSTS: [string, string][] = [
  ['example.com', 'example.com'],
  ['a.b.c.example.com', 'example.com'],
  ['www.bbc.co.uk', 'bbc.co.uk'],
  // A bare public suffix has no registrable domain: it is its own site
  ['co.uk', 'co.uk'],
  ['github.io', 'github.io'],
  // Private section of the suffix list: each user is a site
  ['alice.github.io', 'alice.github.io'],
  ['bob.github.io', 'bob.github.io'],
  ['www.alice.github.io', 'alice.github.io'],
  ['localhost', 'localhost'],
  ['intranet', 'intranet'],
  ['192.168.0.1', '192.168.0.1'],
  ['[::1]', '[::1]'],
  ['[2001:db8::1]', '[2001:db8::1]'],
  // Not an IPv4 address (five labels): handled as a name
  ['1.2.3.4.5', '4.5'],
  ['www.xn--bcher-kva.de', 'xn--bcher-kva.de'],
]

describe('siteOfHost', () => {
  it.each(HOSTS)('%s -> %s', (host, site) => {
    expect(siteOfHost(host)).toBe(site)
  })

  it('keeps sites under one private suffix apart', () => {
    expect(siteOfHost('alice.github.io')).not.toBe(siteOfHost('bob.github.io'))
    expect(siteOfHost('a.example.com')).toBe(siteOfHost('b.example.com'))
  })
})
