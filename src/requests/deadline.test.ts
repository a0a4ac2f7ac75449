import { describe, expect, it } from 'vitest'
import { canExtend, deadlineFor } from './deadline'
import { kindsOf, LAWS, lawById, type Law, type LawId } from './laws'

const law = (id: LawId): Law => {
  const l = lawById(id)
  if (l === undefined) throw new Error(id)
  return l
}

describe('deadline per law (LEGAL.md)', () => {
  it.each([
    ['gdpr-eu', 'access', '2026-01-31', false, '2026-02-28', 'Article 12(3)'],
    ['gdpr-eu', 'access', '2028-01-31', false, '2028-02-29', 'Article 12(3)'],
    ['gdpr-eu', 'erasure', '2026-01-31', true, '2026-04-30', 'Article 12(3)'],
    ['gdpr-uk', 'access', '2026-05-31', false, '2026-06-30', 'Article 12(3)'],
    ['gdpr-uk', 'objection', '2026-05-31', true, '2026-08-31', 'Article 12(3)'],
    ['ccpa', 'access', '2026-01-20', false, '2026-03-06', 'Civil Code §1798.130(a)(2)'],
    ['ccpa', 'erasure', '2026-01-20', true, '2026-04-20', 'Civil Code §1798.130(a)(2)'],
    ['ccpa', 'opt-out-sale', '2026-11-30', false, '2026-12-21', 'CCPA Regulations §7026(f)'],
    ['ccpa', 'limit-sensitive', '2026-11-27', false, '2026-12-18', 'CCPA Regulations §7027'],
    ['us-va', 'access', '2026-01-20', false, '2026-03-06', 'the 45-day response period'],
    ['us-co', 'erasure', '2026-01-20', true, '2026-04-20', 'the 45-day response period'],
    ['lgpd', 'access', '2026-12-20', false, '2027-01-04', 'Article 19'],
    ['lgpd', 'access', '2026-12-20', true, '2027-01-04', 'Article 19'], // no extension
    ['pipeda', 'access', '2026-02-10', false, '2026-03-12', 'section 8(3)'],
    ['pipeda', 'access', '2026-02-10', true, '2026-04-11', 'section 8(3)'],
    ['quebec', 'access', '2026-02-10', false, '2026-03-12', 'section 32'],
    ['quebec', 'access', '2026-02-10', true, '2026-03-12', 'section 32'], // none (verify)
  ] as const)('%s %s sent %s (extended: %s) is due %s', (id, kind, sent, ext, due, cite) => {
    const d = deadlineFor(law(id), kind, sent, ext)
    expect(d?.due).toBe(due)
    expect(d?.cite).toBe(cite)
  })

  it('gives follow-ups no deadline of their own', () => {
    expect(deadlineFor(law('gdpr-eu'), 'reminder', '2026-01-01')).toBeNull()
    expect(deadlineFor(law('ccpa'), 'complaint', '2026-01-01')).toBeNull()
  })

  it('knows which requests can be extended', () => {
    expect(canExtend(law('gdpr-eu'), 'access')).toBe(true)
    expect(canExtend(law('ccpa'), 'opt-out-sale')).toBe(false)
    expect(canExtend(law('lgpd'), 'access')).toBe(false)
    expect(canExtend(law('quebec'), 'access')).toBe(false)
    expect(canExtend(law('gdpr-eu'), 'reminder')).toBe(false)
  })

  it('has a deadline for every first request of every law', () => {
    for (const l of LAWS)
      for (const k of kindsOf(l))
        if (k !== 'reminder' && k !== 'complaint')
          expect(deadlineFor(l, k, '2026-06-15'), `${l.id} ${k}`).not.toBeNull()
  })
})

describe('laws as data', () => {
  it('covers every jurisdiction the issue names', () => {
    const ids = LAWS.map((l) => l.id)
    for (const id of ['gdpr-eu', 'gdpr-uk', 'ccpa', 'lgpd', 'pipeda', 'quebec'] as const)
      expect(ids).toContain(id)
    for (const st of ['va', 'co', 'ct', 'tx', 'or', 'mt', 'de', 'md', 'ne', 'nh', 'nj', 'mn'])
      expect(ids).toContain(`us-${st}`)
    expect(new Set(ids).size).toBe(ids.length)
  })
  it('offers access, a follow-up reminder and a complaint under every law', () => {
    for (const l of LAWS)
      expect(kindsOf(l)).toEqual(
        expect.arrayContaining(['access', 'identifiers', 'reminder', 'complaint']),
      )
  })
  it('offers no erasure under PIPEDA, which has no general right to it', () => {
    expect(kindsOf(law('pipeda'))).not.toContain('erasure')
  })
  it('marks what LEGAL.md says to verify', () => {
    expect(law('gdpr-uk').verify).toBe('uk-clock')
    expect(law('quebec').verify).toBeDefined()
    expect(law('us-mn').verify).toBeDefined()
    expect(law('gdpr-eu').verify).toBeUndefined()
  })
})
