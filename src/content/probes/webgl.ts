/** WebGL and WebGL2: parameter reads (UNMASKED_VENDOR/RENDERER among them), extensions,
 * shader precision and pixel readback. */
import { record, sampling, text, wrapMethod } from './core'

export function installWebgl(): void {
  for (const Ctx of [globalThis.WebGLRenderingContext, globalThis.WebGL2RenderingContext]) {
    const proto = Ctx?.prototype
    if (proto === undefined) continue
    wrapMethod(proto, 'getParameter', (_, a) => {
      if (sampling('webgl.getParameter')) record('webgl.getParameter', 0, Number(a[0]) || 0)
    })
    wrapMethod(proto, 'getExtension', (_, a) => {
      if (sampling('webgl.getExtension')) record('webgl.getExtension', 0, text(a[0]))
    })
    for (const api of ['getSupportedExtensions', 'readPixels', 'getShaderPrecisionFormat']) {
      wrapMethod(proto, api, () => {
        if (sampling(`webgl.${api}`)) record(`webgl.${api}`, 0, '')
      })
    }
  }
}
