import { describe, expect, it } from 'vitest'
import { CMP_GLOBALS, CMPS, cmpOfCookie, cmpOfHost } from './cmps'

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
})
