/**
 * Importing an export into this browser's history (e.g. after moving to a new browser): the
 * file is verified first, and nothing is written unless every check passes.
 */
import { mergeImport, type ImportOutcome, type ImportRows } from '@/db/import'
import type { RequestChannel, RequestStatus, TracelightDb } from '@/db/schema'
import { endOfDay, isDay } from '@/requests/dates'
import type { SignalId } from '@/detect/signals'
import type { EvidenceExport } from './format'
import { MAX_IMPORT_CHARS } from './import-limit'
import { verifyEvidenceText, type Problem } from './verify'

export type ImportResult = ({ ok: true } & ImportOutcome) | { ok: false; problems: Problem[] }

/** Database rows from a verified export; a finding or a consent moment must belong to a
 * visit in the file. */
export function rowsFromEvidence(e: EvidenceExport): ImportRows | { problem: Problem } {
  const rows: ImportRows = { visits: [], findings: [], consent: [], requests: [] }
  const { visits, findings } = rows
  const visitIds = new Set<number>()
  for (const r of e.records) {
    if (r.kind === 'visit') {
      visitIds.add(r.data.id)
      visits.push({ ...r.data, startedAt: Date.parse(r.data.startedAt) })
    }
  }
  for (const [i, r] of e.records.entries()) {
    if (r.kind === 'request') {
      const d = r.data
      rows.requests.push({
        id: d.id,
        site: d.site,
        company: d.company,
        law: d.law,
        kind: d.kind,
        reference: d.reference,
        recipient: d.recipient,
        subject: d.subject,
        ...(d.text !== undefined && { text: d.text }),
        createdAt: Date.parse(d.createdAt),
        ...(d.sentAt !== undefined && { sentAt: Date.parse(d.sentAt) }),
        ...(d.channel !== undefined && { channel: d.channel as RequestChannel }),
        ...(d.dueDay !== undefined &&
          isDay(d.dueDay) && { dueDay: d.dueDay, dueAt: endOfDay(d.dueDay) }),
        extension: d.extension,
        status: d.status as RequestStatus,
        history: d.history.map((h) => ({
          status: h.status as RequestStatus,
          at: Date.parse(h.at),
          ...(h.note !== undefined && { note: h.note }),
        })),
        ...(d.followUpOf !== undefined && { followUpOf: d.followUpOf }),
      })
      continue
    }
    if (r.kind !== 'finding' && r.kind !== 'consent') continue
    if (!visitIds.has(r.data.visitId))
      return {
        problem: {
          kind: 'file',
          record: i + 1,
          message: `Record ${i + 1} is ${r.kind === 'finding' ? 'a finding' : 'a consent record'} of visit ${r.data.visitId}, which is not in the file.`,
        },
      }
    if (r.kind === 'consent') {
      const { at, ...rest } = r.data
      rows.consent.push({ ...rest, at: Date.parse(at) })
      continue
    }
    findings.push({
      ...r.data,
      signal: r.data.signal as SignalId,
      firstAt: Date.parse(r.data.firstAt),
      lastAt: Date.parse(r.data.lastAt),
    })
  }
  return rows
}

export async function importEvidence(db: TracelightDb, text: string): Promise<ImportResult> {
  if (text.length > MAX_IMPORT_CHARS)
    return {
      ok: false,
      problems: [
        {
          kind: 'file',
          message: `The file is too large to import (${Math.round(text.length / 1048576)} MB; the limit is ${MAX_IMPORT_CHARS / 1048576} MB).`,
        },
      ],
    }
  const verified = await verifyEvidenceText(text)
  if (!verified.ok) return verified
  const rows = rowsFromEvidence(verified.evidence)
  if ('problem' in rows) return { ok: false, problems: [rows.problem] }
  try {
    return { ok: true, ...(await mergeImport(db, rows)) }
  } catch (e) {
    return {
      ok: false,
      problems: [
        {
          kind: 'file',
          message: `Nothing was imported: the database refused the data (${e instanceof Error ? e.message : String(e)}).`,
        },
      ],
    }
  }
}
