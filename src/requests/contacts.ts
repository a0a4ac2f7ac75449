/**
 * Who to send a request to, in order: the contact the user saved for that site, then the
 * bundled contact of a known tracking company, else nothing (the user types it).
 */
import { PRIVACY_CONTACTS, type BundledContact } from '@/data/privacy-contacts'
import type { ContactRow } from '@/db/schema'

export interface Recipient {
  name: string
  email?: string
  formUrl?: string
  policyUrl?: string
  /** Where it came from, shown next to it: saved by the user, found on a page, or bundled
   * from the company's privacy policy. */
  origin: { kind: 'user' } | { kind: 'found'; where: string } | { kind: 'bundled'; company: string }
  /** Link to check it, when there is one. */
  source?: string
}

/** The bundled contact for a company name or one of its domains. */
export function bundledContact(
  company: string,
  domains: readonly string[] = [],
): BundledContact | undefined {
  return PRIVACY_CONTACTS.find(
    (c) => c.names.includes(company) || domains.some((d) => c.domains.includes(d)),
  )
}

/** The recipient to suggest for a company (or the site itself): saved first, then bundled. */
export function recipientFor(
  company: string,
  domains: readonly string[],
  saved: ContactRow | undefined,
): Recipient | null {
  if (saved !== undefined && (saved.email !== undefined || saved.formUrl !== undefined))
    return {
      name: saved.name ?? company,
      ...(saved.email === undefined ? {} : { email: saved.email }),
      ...(saved.formUrl === undefined ? {} : { formUrl: saved.formUrl }),
      ...(saved.policyUrl === undefined ? {} : { policyUrl: saved.policyUrl }),
      origin: saved.source === 'user' ? { kind: 'user' } : { kind: 'found', where: saved.source },
    }
  const b = bundledContact(company, domains)
  if (b === undefined) return null
  return {
    name: b.name,
    ...(b.email === undefined ? {} : { email: b.email }),
    ...(b.formUrl === undefined ? {} : { formUrl: b.formUrl }),
    policyUrl: b.policyUrl,
    origin: { kind: 'bundled', company: b.name.split(' / ')[0] ?? b.name },
    source: b.source,
  }
}
