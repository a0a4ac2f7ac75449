import { describe, expect, it, vi } from 'vitest'
import type { Message, Reply } from '@/messages'
import type { Sender } from '@/platform/runtime'
import { createRouter, type Handlers } from './router'

const page: Sender = { extensionPage: true, url: 'chrome-extension://abc/popup.html' }
const contentScript: Sender = {
  extensionPage: false,
  tabId: 3,
  frameId: 0,
  url: 'https://evil.test/',
}

const reply: Reply<'tab.view'> = {
  visit: { visitId: 7, site: 'news.test', url: 'https://news.test/', startedAt: 1_000 },
  storageError: null,
  recording: 'on',
}

function setup(ready: Promise<unknown> = Promise.resolve()) {
  const tabView = vi.fn(async (_message: Message<'tab.view'>, _sender: Sender) => reply)
  const probeEvents = vi.fn(async () => ({ accepted: 1 }))
  // Only the handlers under test; the router never calls the others here.
  const handlers = {
    'tab.view': tabView,
    'probe.events': probeEvents,
    'probe.input': async () => ({ accepted: 0 }),
  } as Partial<Handlers> as Handlers
  return { route: createRouter(handlers, ready), tabView, probeEvents }
}

describe('router', () => {
  it('passes a valid message from an extension page to its handler and returns the reply', async () => {
    const { route, tabView } = setup()
    const message = { type: 'tab.view', tabId: 4 }
    await expect(route(message, page)).resolves.toEqual(reply)
    expect(tabView).toHaveBeenCalledTimes(1)
    expect(tabView).toHaveBeenCalledWith(message, page)
  })

  it('ignores messages from content scripts, even valid ones', () => {
    const { route, tabView } = setup()
    expect(route({ type: 'tab.view', tabId: 3 }, contentScript)).toBeUndefined()
    expect(route({ type: 'tab.view', tabId: 3 }, { extensionPage: false })).toBeUndefined()
    expect(tabView).not.toHaveBeenCalled()
  })

  it.each([
    ['null', null],
    ['a string', 'tab.view'],
    ['an unknown type', { type: 'tab.delete', tabId: 1 }],
    ['a prototype key', { type: 'toString', tabId: 1 }],
    ['a bad tab id', { type: 'tab.view', tabId: -1 }],
    ['a string tab id', { type: 'tab.view', tabId: '1' }],
  ])('ignores %s from an extension page', (_what, raw) => {
    const { route, tabView } = setup()
    expect(route(raw, page)).toBeUndefined()
    expect(tabView).not.toHaveBeenCalled()
  })

  it('waits for ready before calling the handler', async () => {
    let open: () => void = () => undefined
    const ready = new Promise<void>((resolve) => (open = resolve))
    const { route, tabView } = setup(ready)
    const answer = route({ type: 'tab.view', tabId: 1 }, page)
    expect(answer).toBeInstanceOf(Promise)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(tabView).not.toHaveBeenCalled()
    open()
    await expect(answer).resolves.toEqual(reply)
    expect(tabView).toHaveBeenCalledTimes(1)
  })

  it('passes a handler failure on to the sender', async () => {
    const handlers = {
      'tab.view': async () => {
        throw new Error('no such tab')
      },
    } as Partial<Handlers> as Handlers
    const route = createRouter(handlers, Promise.resolve())
    await expect(route({ type: 'tab.view', tabId: 1 }, page)).rejects.toThrow('no such tab')
  })

  it('passes probe events from a content script, checked and rebuilt', async () => {
    const { route, probeEvents } = setup()
    const event = {
      api: 'canvas.toDataURL',
      script: 'https://fp.test/a.js',
      canvas: 1,
      detail: '300x150',
    }
    await route({ type: 'probe.events', events: [{ ...event, extra: 'dropped' }] }, contentScript)
    expect(probeEvents).toHaveBeenCalledWith(
      { type: 'probe.events', events: [event] },
      contentScript,
    )
  })

  it.each([
    ['an unknown api', { api: 'eval', script: '', canvas: 0, detail: '' }],
    [
      'a huge detail',
      { api: 'canvas.fillText', script: '', canvas: 0, detail: 'x'.repeat(10_000) },
    ],
    [
      'a non-web script url',
      { api: 'canvas.fillText', script: 'chrome://x', canvas: 0, detail: '' },
    ],
    ['a negative canvas', { api: 'canvas.fillText', script: '', canvas: -1, detail: '' }],
  ])('drops a probe batch with %s', (_what, event) => {
    const { route, probeEvents } = setup()
    expect(route({ type: 'probe.events', events: [event] }, contentScript)).toBeUndefined()
    expect(
      route({ type: 'probe.events', events: Array(501).fill(event) }, contentScript),
    ).toBeUndefined()
    expect(probeEvents).not.toHaveBeenCalled()
  })
})
