import { describe, expect, it } from 'vitest'
import { parseConsentEvent, parseProbeEvent } from './probe-events'

const TC = 'CQuf10AQuf10AEsABBENCWFgAP_gAAAAAAYgABuAAAAA.IAAA.YAAAAAAAAAAA'
const GPP = 'DBABMA~CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA'

describe('consent events from the page', () => {
  it('accepts the three APIs’ events in their exact shapes', () => {
    expect(parseConsentEvent('consent.tcf', `1700000000000 useractioncomplete ${TC}`)).toEqual({
      api: 'consent.tcf',
      pageAt: 1700000000000,
      event: 'useractioncomplete',
      text: TC,
    })
    expect(parseConsentEvent('consent.tcf', '1700000000000 cmpuishown')?.text).toBe('')
    expect(parseConsentEvent('consent.gpp', `5 cmpDisplayStatus:hidden ${GPP}`)?.event).toBe(
      'cmpDisplayStatus:hidden',
    )
    expect(parseConsentEvent('consent.gpp', '5 signalStatus:not_ready')?.text).toBe('')
    expect(parseConsentEvent('consent.usp', '5 getUSPData 1YYN')?.text).toBe('1YYN')
    expect(parseConsentEvent('consent.cmp', '5 global OneTrust')?.text).toBe('OneTrust')
    expect(parseConsentEvent('consent.cmp', '5 banner google-privacy-messaging')).toMatchObject({
      event: 'banner',
      text: 'google-privacy-messaging',
    })
    expect(parseProbeEvent(['consent.tcf', '', 0, `9 tcloaded ${TC}`])?.detail).toBe(
      `9 tcloaded ${TC}`,
    )
  })

  it.each([
    ['an unknown TCF event', 'consent.tcf', `1 useraction ${TC}`],
    ['a TCF event without time', 'consent.tcf', `useractioncomplete ${TC}`],
    ['a negative time', 'consent.tcf', `-1 cmpuishown`],
    ['a GPP string as TC string', 'consent.tcf', `1 tcloaded ${GPP}`],
    ['markup in the string', 'consent.tcf', `1 tcloaded C${'a'.repeat(30)}<img>`],
    ['a huge string', 'consent.tcf', `1 tcloaded C${'A'.repeat(5000)}`],
    ['trailing text', 'consent.tcf', `1 tcloaded ${TC} extra`],
    ['a newline', 'consent.tcf', `1 tcloaded\n${TC}`],
    ['an unknown GPP event', 'consent.gpp', '1 sectionChange:usnat'],
    ['a GPP display status of its own', 'consent.gpp', '1 cmpDisplayStatus:shown'],
    ['a USP string of the wrong form', 'consent.usp', '1 getUSPData 2YYN'],
    ['a USP event with another name', 'consent.usp', '1 ping 1YYN'],
    ['a number', 'consent.usp', 17],
    ['a platform event of its own', 'consent.cmp', '1 shown onetrust'],
    ['a banner slug with markup', 'consent.cmp', '1 banner one<b>trust'],
    ['a banner slug with a space', 'consent.cmp', '1 banner one trust'],
    ['an object', 'consent.tcf', { toString: () => `1 tcloaded ${TC}` }],
  ])('rejects %s', (_what, api, detail) => {
    expect(parseConsentEvent(api as 'consent.tcf', detail)).toBeNull()
    expect(parseProbeEvent([api, '', 0, detail])).toBeNull()
  })

  it('rejects consent events that claim a script or a canvas', () => {
    expect(parseProbeEvent(['consent.tcf', 'https://a.test/x.js', 0, '1 cmpuishown'])).toBeNull()
    expect(parseProbeEvent(['consent.tcf', '', 2, '1 cmpuishown'])).toBeNull()
  })
})
