/** Saves bytes as a file through a Blob and an `<a download>`: a plain page feature, so the
 * extension needs no "downloads" permission. */
export function saveFile(bytes: Uint8Array | string | Blob, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked later: revoking at once can cancel the download before the browser reads it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
