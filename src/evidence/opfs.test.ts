import { describe, expect, it } from 'vitest'
import { cleanExports, KEEP_MS, opfsSpools } from './opfs'

/** A directory of the origin-private file system, as far as cleanExports uses it. */
function directory(names: string[]) {
  const left = new Set(names)
  const dir = {
    async *keys() {
      yield* [...left]
    },
    async removeEntry(name: string) {
      left.delete(name)
    },
  }
  return { dir: dir as unknown as FileSystemDirectoryHandle, left }
}

describe('export files on disk', () => {
  it('removes what earlier exports left once it is old enough to have been saved', async () => {
    const now = 1_800_000_000_000
    const { dir, left } = directory([
      `${now - KEEP_MS - 1}-abc-0-evidence.zip`,
      `${now - KEEP_MS + 1000}-def-0-evidence.json`,
      `${now}-ghi-1-findings.csv`,
      'someone-elses.txt',
    ])
    await cleanExports(dir, now)
    expect([...left].sort()).toEqual([
      `${now - KEEP_MS + 1000}-def-0-evidence.json`,
      `${now}-ghi-1-findings.csv`,
    ])
  })

  it('is not used where there is no file system with synchronous access (here: Node)', async () => {
    expect(await opfsSpools()).toBeNull()
  })
})
