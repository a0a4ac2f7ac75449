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
