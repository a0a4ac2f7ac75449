import { describe, expect, it } from 'vitest'
import { CONTENT_SCRIPT_TYPES, parseMessage } from './messages'

describe('parseMessage', () => {
  it.each([
    [{ type: 'tab.view', tabId: 0 }],
    [{ type: 'gpc.get' }],
    [{ type: 'gpc.set', enabled: true }],
    [{ type: 'gpc.set', site: 'news.test', excepted: true }],
    [{ type: 'gpc.set', site: 'xn--bcher-kva.example', excepted: false }],
    [{ type: 'tab.view', tabId: 12 }],
    [{ type: 'tab.view', tabId: 2 ** 31 }],
    [{ type: 'data.delete', scope: { kind: 'site', site: 'news.test' } }],
    [{ type: 'data.preview', scope: { kind: 'company', name: 'Google' } }],
    [
      {
        type: 'data.delete',
        scope: { kind: 'range', from: 1_700_000_000_000, to: 1_700_086_400_000 },
      },
    ],
    [{ type: 'data.delete', scope: { kind: 'everything' } }],
    [{ type: 'data.undo', id: 3 }],
    [{ type: 'data.pending' }],
    [{ type: 'exclusions.set', site: 'bank.test', excluded: true }],
    [{ type: 'settings.set', key: 'excludedSites', value: ['bank.test', 'mail.test'] }],
    [{ type: 'settings.set', key: 'recordingPaused', value: true }],
  ])('accepts %j', (message) => {
    expect(parseMessage(message)).toEqual(message)
  })

  it.each([
    // Not objects
    ['null', null],
    ['undefined', undefined],
    ['a string', 'tab.view'],
    ['a number', 1],
    ['a boolean', true],
    ['an array', ['tab.view', 1]],
    // Unknown or missing types
    ['no type', { tabId: 1 }],
    ['an unknown type', { type: 'tab.delete', tabId: 1 }],
    ['a type in another case', { type: 'Tab.View', tabId: 1 }],
    ['a non-string type', { type: 1, tabId: 1 }],
    ['an empty type', { type: '', tabId: 1 }],
    // Keys of Object.prototype are not message types
    ['toString', { type: 'toString', tabId: 1 }],
    ['__proto__', { type: '__proto__', tabId: 1 }],
    ['constructor', { type: 'constructor', tabId: 1 }],
    ['hasOwnProperty', { type: 'hasOwnProperty', tabId: 1 }],
    ['valueOf', { type: 'valueOf', tabId: 1 }],
    // Bad tab ids
    // GPC changes
    ['a non-boolean enabled', { type: 'gpc.set', enabled: 'yes' }],
    ['a site without excepted', { type: 'gpc.set', site: 'news.test' }],
    ['excepted without a site', { type: 'gpc.set', excepted: true }],
    ['a site with markup', { type: 'gpc.set', site: '<img src=x>', excepted: true }],
    ['a huge site', { type: 'gpc.set', site: 'a'.repeat(300), excepted: true }],
    // Deletions
    ['an unknown deletion kind', { type: 'data.delete', scope: { kind: 'all' } }],
    ['no scope', { type: 'data.delete' }],
    ['a site with a path', { type: 'data.delete', scope: { kind: 'site', site: 'a.test/x' } }],
    ['an empty company', { type: 'data.delete', scope: { kind: 'company', name: ' ' } }],
    ['a huge company', { type: 'data.preview', scope: { kind: 'company', name: 'x'.repeat(201) } }],
    [
      'a range ending before it starts',
      {
        type: 'data.delete',
        scope: { kind: 'range', from: 1_700_086_400_000, to: 1_700_000_000_000 },
      },
    ],
    ['a range in seconds', { type: 'data.delete', scope: { kind: 'range', from: 1, to: 2 } }],
    ['a range of text', { type: 'data.delete', scope: { kind: 'range', from: '1', to: '2' } }],
    ['an undo without id', { type: 'data.undo' }],
    ['an undo of id 0', { type: 'data.undo', id: 0 }],
    ['a fractional undo id', { type: 'data.undo', id: 1.5 }],
    // Excluded sites
    ['an exclusion of a URL', { type: 'exclusions.set', site: 'https://a.test/', excluded: true }],
    ['an exclusion without a choice', { type: 'exclusions.set', site: 'a.test' }],
    [
      'a list that is not one',
      { type: 'settings.set', key: 'excludedSites', value: { 0: 'a.test' } },
    ],
    ['a list with markup', { type: 'settings.set', key: 'excludedSites', value: ['<b>'] }],
    ['a missing tabId', { type: 'tab.view' }],
    ['a negative tabId', { type: 'tab.view', tabId: -1 }],
    ['a float tabId', { type: 'tab.view', tabId: 1.5 }],
    ['a string tabId', { type: 'tab.view', tabId: '1' }],
    ['a NaN tabId', { type: 'tab.view', tabId: Number.NaN }],
    ['an infinite tabId', { type: 'tab.view', tabId: Number.POSITIVE_INFINITY }],
    ['a null tabId', { type: 'tab.view', tabId: null }],
    ['an object tabId', { type: 'tab.view', tabId: { valueOf: (): number => 1 } }],
  ])('rejects %s', (_what, value) => {
    expect(parseMessage(value)).toBeNull()
  })
})

describe('CONTENT_SCRIPT_TYPES', () => {
  it('does not let content scripts ask for a tab view', () => {
    expect(CONTENT_SCRIPT_TYPES.has('tab.view')).toBe(false)
  })
})
