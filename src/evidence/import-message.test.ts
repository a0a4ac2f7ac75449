import { describe, expect, it } from 'vitest'
import { CONTENT_SCRIPT_TYPES, parseMessage } from '@/messages'
import { MAX_IMPORT_CHARS } from './import-limit'

describe('the evidence.import message', () => {
  it('carries the file as text, bounded, and only from extension pages', () => {
    expect(parseMessage({ type: 'evidence.import', text: '{}' })).not.toBeNull()
    expect(parseMessage({ type: 'evidence.import', text: 42 })).toBeNull()
    expect(parseMessage({ type: 'evidence.import' })).toBeNull()
    expect(
      parseMessage({ type: 'evidence.import', text: 'x'.repeat(MAX_IMPORT_CHARS + 1) }),
    ).toBeNull()
    expect(CONTENT_SCRIPT_TYPES.has('evidence.import')).toBe(false)
  })
})
