/**
 * The handshake between the MAIN-world probes and the isolated-world bridge (both run at
 * document_start, before any page script). Shared by both bundles.
 *
 * The bridge makes a MessageChannel and hands one port to the probes inside a synchronous
 * DOM event; whichever side runs second completes the handshake, so it finishes before the
 * page's first script and the page never sees the event. From then on events travel over the
 * private port, which the page cannot reach: no window.postMessage, no DOM attribute, no
 * named event a page could listen to later. Limits are in bridge.ts.
 */
export const PORT_EVENT = 'tracelight:port'
export const READY_EVENT = 'tracelight:ready'

/** One call seen by the probes: [api, script URL, canvas number (0: none), detail]. */
export type WireEvent = [string, string, number, string | number]

/** Most bytes the bridge accepts in one message from the page side. */
export const MAX_WIRE_BYTES = 64 * 1024
