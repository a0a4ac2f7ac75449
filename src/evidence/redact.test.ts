import { describe, expect, it } from 'vitest'
import { maskValue } from '@/detect/identifier-value'
import type { FindingData, VisitData } from './format'
import { maskFinding, maskVisit } from './redact'

const visit = (over: Partial<VisitData> = {}): VisitData => ({
  id: 1,
  site: 'news.test',
  url: 'https://news.test/article/1?utm_source=x&session=Ab12Cd34Ef56Gh78#top',
  tabId: 3,
  startedAt: '2026-11-30T09:00:00.000Z',
  mode: 'evidence',
  ...over,
})

const finding = (over: Partial<FindingData> = {}): FindingData => ({
  visitId: 1,
  signal: 'cookie.identifier',
  site: 'news.test',
  party: 'tracker.test',
  count: 1,
  firstAt: '2026-11-30T09:00:01.000Z',
  lastAt: '2026-11-30T09:00:01.000Z',
  evidence: {
    urls: ['https://t.tracker.test/c?uid=9f8e7d6c5b4a39281706&v=2'],
    details: [
      {
        name: '_uid',
        value: '9f8e7d6c5b4a39281706',
        domain: 'tracker.test',
        lifetime: '1 year',
        from: ['a.test', 'b.test'],
      },
    ],
  },
  mode: 'evidence',
  ...over,
})

describe('masking evidence-mode records for a default export', () => {
  it('keeps only the origin and path of a page address', () => {
    expect(maskVisit(visit())).toEqual(
      visit({ url: 'https://news.test/article/1', mode: 'standard' }),
    )
  })

  it('keeps cookie names and a value prefix with its hash, and hides ids in addresses', () => {
    const masked = maskFinding(finding())
    expect(masked.mode).toBe('standard')
    expect(masked.evidence.urls).toEqual(['https://t.tracker.test/c?uid=[hidden]&v=2'])
    const detail = masked.evidence.details?.[0]
    expect(detail?.name).toBe('_uid')
    expect(detail?.value).toBe(maskValue('9f8e7d6c5b4a39281706', false))
    expect(detail?.value).toMatch(/^9f8e… \(hash [0-9a-f]{14}\)$/)
    // Fields that are not values or addresses stay as they are.
    expect(detail?.domain).toBe('tracker.test')
    expect(detail?.from).toEqual(['a.test', 'b.test'])
    expect(JSON.stringify(masked)).not.toContain('9f8e7d6c5b4a39281706')
  })

  it('masks addresses inside details, also in lists', () => {
    const masked = maskFinding(
      finding({
        signal: 'input.exfiltration',
        evidence: {
          urls: [],
          details: [{ script: ['https://cdn.test/x.js?k=Zz99Yy88Xx77Ww66'], sentAs: ['as typed'] }],
        },
      }),
    )
    expect(masked.evidence.details?.[0]).toEqual({
      script: ['https://cdn.test/x.js?k=[hidden]'],
      sentAs: ['as typed'],
    })
  })

  it('leaves standard-mode records, and values already masked, exactly as they are', () => {
    const standard = finding({ mode: 'standard' })
    expect(maskFinding(standard)).toBe(standard)
    const v = visit({ mode: 'standard' })
    expect(maskVisit(v)).toBe(v)
    const already = maskValue('9f8e7d6c5b4a39281706', false)
    const masked = maskFinding(finding({ evidence: { urls: [], details: [{ value: already }] } }))
    expect(masked.evidence.details?.[0]?.value).toBe(already)
  })

  it('hides a page address that cannot be parsed rather than keeping it', () => {
    expect(maskVisit(visit({ url: 'not a url ?secret=1' })).url).toBe('[hidden]')
  })
})
