/** Handing text to the user as a file download, and opening web pages, from extension pages. */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Opens an http(s) or mailto URL; anything else is refused. */
export function openUrl(url: string): void {
  if (!/^(https?:|mailto:)/i.test(url)) return
  window.open(url, '_blank', 'noopener')
}
