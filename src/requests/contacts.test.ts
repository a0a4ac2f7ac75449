import { describe, expect, it } from 'vitest'
import { PRIVACY_CONTACTS } from '@/data/privacy-contacts'
import { bundledContact, recipientFor } from './contacts'
import { cleanAddress } from './send'

describe('bundled privacy contacts', () => {
  it('cover the largest tracking companies, each with a source and a way to reach them', () => {
    const ids = PRIVACY_CONTACTS.map((c) => c.id)
    expect([...ids].sort()).toEqual(
      [
        'adobe',
        'criteo',
        'google',
        'linkedin',
        'meta',
        'microsoft',
        'oracle',
        'tiktok',
        'x',
      ].sort(),
    )
    expect(new Set(ids).size).toBe(ids.length)
    for (const c of PRIVACY_CONTACTS) {
      expect(new URL(c.source).protocol, c.id).toBe('https:')
      expect(new URL(c.policyUrl).protocol, c.id).toBe('https:')
      if (c.formUrl !== undefined) expect(new URL(c.formUrl).protocol, c.id).toBe('https:')
      if (c.email !== undefined) expect(cleanAddress(c.email), c.id).toBe(c.email)
      // Every entry gives a way to reach the company: an entry without one is not kept.
      expect(c.email !== undefined || c.formUrl !== undefined, c.id).toBe(true)
      // The source is the company's own page, on one of its own domains.
      const host = new URL(c.source).hostname
      expect(
        c.domains.some((d) => host === d || host.endsWith(`.${d}`)),
        `${c.id}: ${host}`,
      ).toBe(true)
    }
  })
  it('never claim one domain for two companies', () => {
    const seen = new Map<string, string>()
    for (const c of PRIVACY_CONTACTS)
      for (const d of c.domains) {
        expect(seen.get(d), d).toBeUndefined()
        seen.set(d, c.id)
      }
  })
  it('match findings by company name or domain', () => {
    expect(bundledContact('Facebook')?.id).toBe('meta')
    expect(bundledContact('ByteDance Ltd')?.id).toBe('tiktok')
    expect(bundledContact('Whoever', ['licdn.com'])?.id).toBe('linkedin')
    // Left out for want of a confirmed contact: the user looks it up.
    expect(bundledContact('Amazon', ['amazon-adsystem.com'])).toBeUndefined()
    expect(bundledContact('The Trade Desk', ['adsrvr.org'])).toBeUndefined()
    expect(bundledContact('news.test', ['news.test'])).toBeUndefined()
  })
})

describe('recipientFor', () => {
  it('prefers the contact the user saved', () => {
    const r = recipientFor('Google', ['google-analytics.com'], {
      site: 'Google',
      email: 'me@example.org',
      source: 'user',
      foundAt: 1,
    })
    expect(r).toEqual({ name: 'Google', email: 'me@example.org', origin: { kind: 'user' } })
  })
  it('falls back to the bundled contact with its source', () => {
    const r = recipientFor('Criteo', [], undefined)
    expect(r?.email).toBe('dpo@criteo.com')
    expect(r?.source).toBe('https://www.criteo.com/privacy/')
    expect(r?.origin).toEqual({ kind: 'bundled', company: 'Criteo SA' })
  })
  it('has nothing for an unknown site: the user types it', () => {
    expect(recipientFor('news.test', ['news.test'], undefined)).toBeNull()
  })
})
