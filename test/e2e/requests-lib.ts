/** Shared by the requests end-to-end tests (not a test file itself). */

/** In-page source (tsx helpers do not exist in the page): every stored request. */
export const READ_REQUESTS = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('tracelight')
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
  if (!db.objectStoreNames.contains('requests')) { db.close(); return [] }
  const rows = await new Promise((resolve, reject) => {
    const r = db.transaction('requests').objectStore('requests').getAll()
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
  db.close()
  return rows
})()`

/** Recipient, subject and body of an .eml file as a mail program reads them (RFC 2047 encoded
 * words in the subject, a base64 body). */
export function readEml(eml: string): { to: string; subject: string; body: string } {
  const [head = '', body = ''] = eml.split('\r\n\r\n')
  const unfolded = head.replace(/\r\n /g, ' ')
  const header = (name: string) =>
    new RegExp(`^${name}: (.*)$`, 'm').exec(unfolded)?.[1]?.trim() ?? ''
  const subject = header('Subject').replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_, b64: string) =>
    Buffer.from(b64, 'base64').toString('latin1'),
  )
  return {
    to: header('To'),
    subject: Buffer.from(subject, 'latin1').toString('utf8'),
    body: Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8').replace(/\r\n/g, '\n'),
  }
}
