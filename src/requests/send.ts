/**
 * Ways the user sends a letter from their own mail: a mailto: link, or an .eml file their
 * mail program opens. Nothing here sends anything. Pure.
 */

/**
 * Longest mailto: URL we hand over. RFC 6068 sets no limit, but mail clients and the OS
 * hand-off do: Windows' ShellExecute stops near 2,048 characters and Outlook is known to
 * truncate there, so beyond it we offer copy instead of a silently cut letter.
 */
export const MAILTO_LIMIT = 2000

/** Percent-encoding for mailto (RFC 6068): UTF-8, and newlines as CRLF. */
function enc(s: string): string {
  return encodeURIComponent(s.replace(/\r?\n/g, '\r\n'))
}

/** A safe address or '' (no header or parameter can be smuggled in through it). */
export function cleanAddress(address: string): string {
  const a = address.trim()
  // Deliberately narrower than RFC 5322: no characters that mean something in a URL or header.
  return /^[A-Za-z0-9.!'*+\-_~^{|}]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(a)
    ? a
    : ''
}

/** The mailto: URL, or null when it would be too long for mail clients to receive whole. */
export function mailtoUrl(to: string, subject: string, body: string): string | null {
  const address = cleanAddress(to)
  const url = `mailto:${address === '' ? '' : enc(address).replace(/%40/g, '@')}?subject=${enc(subject)}&body=${enc(body)}`
  return url.length <= MAILTO_LIMIT ? url : null
}

/** RFC 2047 encoded-word for a header with non-ASCII text. */
function headerText(s: string): string {
  const single = s.replace(/[\r\n]+/g, ' ')
  if (/^[\x20-\x7e]*$/.test(single)) return single
  const bytes = new TextEncoder().encode(single)
  // Encoded words stay under 75 characters: 45 bytes → 60 base64 characters each.
  const words: string[] = []
  let start = 0
  while (start < bytes.length) {
    let end = Math.min(start + 45, bytes.length)
    // Never split a UTF-8 sequence: back off continuation bytes (10xxxxxx).
    while (end < bytes.length && end > start && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1
    words.push(`=?UTF-8?B?${base64(bytes.subarray(start, end))}?=`)
    start = end
  }
  return words.join('\r\n ')
}

function base64(bytes: Uint8Array): string {
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin)
}

/** An unsent message (X-Unsent: 1, so Outlook and Thunderbird open it as a draft). */
export function emlFile(opts: { to: string; subject: string; body: string; date: Date }): string {
  const body = base64(new TextEncoder().encode(opts.body.replace(/\r?\n/g, '\r\n')))
  const lines = body.match(/.{1,76}/g) ?? []
  const to = cleanAddress(opts.to)
  return [
    ...(to === '' ? [] : [`To: ${to}`]),
    `Subject: ${headerText(opts.subject)}`,
    `Date: ${opts.date.toUTCString().replace('GMT', '+0000')}`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...lines,
    '',
  ].join('\r\n')
}
