/**
 * Reads one web page for the extension, without the user's cookies (credentials: 'omit'), with
 * a time and size limit. Used only when the user asks Tracelight to look for a contact.
 */
export interface FetchedPage {
  url: string
  html: string
}

export async function fetchPage(
  url: string,
  { timeoutMs = 8000, maxBytes = 1_000_000 } = {},
): Promise<FetchedPage | null> {
  try {
    const res = await fetch(url, {
      credentials: 'omit',
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!res.ok) return null
    const type = res.headers.get('content-type') ?? ''
    if (!/text\/(html|plain)|application\/xhtml/i.test(type)) return null
    const text = await res.text()
    return { url: res.url || url, html: text.slice(0, maxBytes) }
  } catch {
    return null
  }
}
