/**
 * Canvas 2D and HTMLCanvasElement: what Englehardt & Narayanan (2016, §6.1) need to tell a
 * fingerprint from a drawing — text written and its colours, readback size, save/restore and
 * listeners on the canvas — plus fonts set and text measured (font probing).
 */
import { record, sampling, size, text, wrapAccessor, wrapMethod } from './core'

const ids = new WeakMap<object, number>()
let next = 1

/** A small number per canvas element, so a detector can tie a write to its readback. */
function idOf(canvas: unknown): number {
  if (typeof canvas !== 'object' || canvas === null) return 0
  let id = ids.get(canvas)
  if (id === undefined) {
    id = next++
    ids.set(canvas, id)
  }
  return id
}

export function installCanvas(): void {
  const Ctx = globalThis.CanvasRenderingContext2D?.prototype
  const Canvas = globalThis.HTMLCanvasElement?.prototype
  if (Ctx === undefined || Canvas === undefined) return
  const canvasGetter = Object.getOwnPropertyDescriptor(Ctx, 'canvas')?.get
  const canvasOf = (ctx: unknown): unknown =>
    canvasGetter === undefined ? undefined : Reflect.apply(canvasGetter, ctx, [])
  const ctxEvent = (api: string, detail: (self: unknown, args: unknown[]) => string | number) =>
    wrapMethod(Ctx, api, (self, args) => {
      if (sampling(`canvas.${api}`))
        record(`canvas.${api}`, idOf(canvasOf(self)), detail(self, args))
    })
  ctxEvent('fillText', (_, a) => text(a[0]))
  ctxEvent('strokeText', (_, a) => text(a[0]))
  ctxEvent('measureText', (_, a) => text(a[0]))
  ctxEvent('save', () => '')
  ctxEvent('restore', () => '')
  ctxEvent('getImageData', (_, a) => size(a[2], a[3]))
  for (const style of ['fillStyle', 'strokeStyle', 'font']) {
    wrapAccessor(Ctx, style, null, (self, value) => {
      if (sampling(`canvas.${style}`)) record(`canvas.${style}`, idOf(canvasOf(self)), text(value))
    })
  }
  const width = Object.getOwnPropertyDescriptor(Canvas, 'width')?.get
  const height = Object.getOwnPropertyDescriptor(Canvas, 'height')?.get
  const dims = (c: unknown) =>
    width === undefined || height === undefined
      ? ''
      : size(Reflect.apply(width, c, []), Reflect.apply(height, c, []))
  for (const api of ['toDataURL', 'toBlob']) {
    wrapMethod(Canvas, api, (self) => {
      if (sampling(`canvas.${api}`)) record(`canvas.${api}`, idOf(self), dims(self))
    })
  }
}

/** Listeners added to a canvas element count against a fingerprint (it is interactive). */
export function canvasListener(target: unknown): void {
  const Canvas = globalThis.HTMLCanvasElement
  if (Canvas !== undefined && target instanceof Canvas && sampling('canvas.addEventListener'))
    record('canvas.addEventListener', idOf(target), '')
}
