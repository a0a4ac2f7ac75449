import { GppModel } from '@iabgpp/cmpapi'
import { TCString } from '@iabtechlabtcf/core'

/**
 * Decoders for the three consent strings sites pass to the companies they call. Decoding is
 * left to IAB Tech Lab's own libraries (Apache-2.0): the formats are bit-packed, versioned and
 * full of corner cases that a hand-written reader would get subtly wrong. Every function here
 * takes untrusted text and returns null rather than throwing.
 */

/** Longest string decoded: real TC strings with thousands of vendors stay under 8 KB. */
const MAX_LENGTH = 16 * 1024

export interface TcfState {
  cmpId: number
  /** TCF purposes (1–11) the person agreed to. */
  purposes: number[]
  /** Vendors the person agreed to. */
  vendors: number
  specialFeatures: number[]
  /** ISO date (YYYY-MM-DD) the choice was made; TC strings round it to the day. */
  created: string | null
  country: string
  policyVersion: number
}

export function decodeTcf(value: string): TcfState | null {
  const text = value.trim()
  // Core segment starts with a version of 2 in six bits: 'C' (v2) in base64url.
  if (text.length < 20 || text.length > MAX_LENGTH || !/^C[A-Za-z0-9_.-]+$/.test(text)) {
    return null
  }
  try {
    const model = TCString.decode(text)
    const ids = (vector: { has(id: number): boolean }, max: number) =>
      Array.from({ length: max }, (_, i) => i + 1).filter((id) => vector.has(id))
    const created = model.created instanceof Date ? model.created : null
    return {
      cmpId: Number(model.cmpId),
      purposes: ids(model.purposeConsents, 24),
      vendors: model.vendorConsents.size,
      specialFeatures: ids(model.specialFeatureOptins, 12),
      created:
        created !== null && !Number.isNaN(created.getTime())
          ? created.toISOString().slice(0, 10)
          : null,
      country: model.publisherCountryCode,
      policyVersion: Number(model.policyVersion),
    }
  } catch {
    return null
  }
}

export interface UspState {
  /** Y: the person was told about their right to opt out. N: not told. null: not applicable. */
  notice: boolean | null
  /** Y: opted out of the sale of their data. */
  optedOut: boolean | null
  lspa: boolean | null
}

/** IAB CCPA "US Privacy String" v1: `1` then three of Y / N / `-` (not applicable). */
export function decodeUsp(value: string): UspState | null {
  const match = /^1([YN-])([YN-])([YN-])$/i.exec(value.trim())
  if (match === null) return null
  const flag = (c: string | undefined) => (c === '-' ? null : c?.toUpperCase() === 'Y')
  return { notice: flag(match[1]), optedOut: flag(match[2]), lspa: flag(match[3]) }
}

export interface GppState {
  /** Section names in the string (tcfeuv2, usnat, usca, …). */
  sections: string[]
  /** From the US sections: which opt-outs the person made. */
  optedOut: string[]
  /** From the US sections: opt-outs the string says the person did not make. */
  notOptedOut: string[]
  /** The TCF purposes agreed to, when a tcfeuv2 section is present. */
  purposes?: number[]
}

/** GPP US sections code each opt-out as 0 (not applicable), 1 (opted out), 2 (did not). */
const US_OPT_OUTS = {
  SaleOptOut: 'sale',
  SharingOptOut: 'sharing',
  TargetedAdvertisingOptOut: 'targeted advertising',
} as const

export function decodeGpp(value: string): GppState | null {
  const text = value.trim()
  // The header segment starts with type 3 and version 1: 'DB' in base64url.
  if (text.length < 4 || text.length > MAX_LENGTH || !/^DB[A-Za-z0-9_.~-]+$/.test(text)) {
    return null
  }
  try {
    const model = new GppModel(text)
    const state: GppState = { sections: [], optedOut: [], notOptedOut: [] }
    const sections = model.toObject() as Record<string, unknown>
    for (const [name, section] of Object.entries(sections)) {
      state.sections.push(name)
      if (typeof section !== 'object' || section === null) continue
      const fields = section as Record<string, unknown>
      if (name === 'tcfeuv2' && Array.isArray(fields.PurposeConsents)) {
        state.purposes = fields.PurposeConsents.flatMap((v, i) => (v === true ? [i + 1] : []))
      }
      for (const [field, label] of Object.entries(US_OPT_OUTS)) {
        if (fields[field] === 1 && !state.optedOut.includes(label)) state.optedOut.push(label)
        if (fields[field] === 2 && !state.notOptedOut.includes(label)) state.notOptedOut.push(label)
      }
    }
    return state.sections.length > 0 ? state : null
  } catch {
    return null
  }
}
