/* global navigator, Navigator */
// Global Privacy Control, GPC specification §3.2: navigator.globalPrivacyControl is true in
// every frame while the person has GPC on. Registered by the background only then.
;(() => {
  try {
    if (navigator.globalPrivacyControl === true) return
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
      get() {
        return true
      },
      configurable: true,
      enumerable: true,
    })
  } catch {
    // A frozen prototype: the header still says it.
  }
})()
