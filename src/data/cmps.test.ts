import { describe, expect, it } from 'vitest'
import { CMP_BANNERS, CMP_GLOBALS, CMPS, cmpOfCookie, cmpOfHost, cmpOfSlug, cmpSlug } from './cmps'

describe('consent platforms', () => {
  it('finds a platform by its host and subdomains, not by look-alikes', () => {
    expect(cmpOfHost('cdn.cookielaw.org')).toBe('OneTrust')
    expect(cmpOfHost('eu.cdn.cookielaw.org')).toBe('OneTrust')
    expect(cmpOfHost('CONSENT.COOKIEBOT.COM')).toBe('Cookiebot')
    expect(cmpOfHost('cookielaw.org')).toBeUndefined()
    expect(cmpOfHost('cdn.cookielaw.org.evil.test')).toBeUndefined()
    expect(cmpOfHost('notcdn.cookielaw.org')).toBeUndefined()
    expect(cmpOfHost('')).toBeUndefined()
  })

  it('has unique, non-trivial names, hosts, globals and cookies', () => {
    const names = CMPS.map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
    const hosts = CMPS.flatMap((c) => c.hosts)
    expect(new Set(hosts).size).toBe(hosts.length)
    for (const host of hosts) expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)
    // A one- or two-letter window property could be any site's own variable.
    for (const name of CMP_GLOBALS.keys()) expect(name.length).toBeGreaterThan(2)
    expect(cmpOfCookie('OptanonConsent')).toBe('OneTrust')
    expect(cmpOfCookie('session')).toBeUndefined()
  })

  it('gives every platform a unique slug, and every banner a selector the browser accepts', () => {
    expect(cmpSlug('Google (Privacy & messaging)')).toBe('google-privacy-messaging')
    const slugs = CMPS.map((c) => cmpSlug(c.name))
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const slug of slugs) expect(slug).toMatch(/^[a-z][a-z0-9-]{2,40}$/)
    expect(cmpOfSlug('onetrust')).toBe('OneTrust')
    expect(cmpOfSlug('nobody')).toBeUndefined()
    expect(CMP_BANNERS.length).toBeGreaterThan(10)
    const probe = globalThis.document
    for (const [, selector] of CMP_BANNERS) {
      expect(selector.length).toBeGreaterThan(3)
      if (probe !== undefined) expect(() => probe.querySelector(selector)).not.toThrow()
    }
  })
})
