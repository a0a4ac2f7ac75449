// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { DetailValue } from '@/detect/types'
import { createI18n } from '@/ui/i18n'
import { createGpcStore } from '@/ui/state/gpc-store'
import { GpcControl } from './GpcControl'

afterEach(cleanup)

async function ignoredText(ignored: Record<string, DetailValue> | undefined) {
  const store = createGpcStore({
    get: async () => ({ enabled: true, exceptions: [] }),
    set: async () => ({ enabled: true, exceptions: [] }),
  })
  render(<GpcControl store={store} site="ignores.test" ignored={ignored} i18n={createI18n('en')} />)
  await screen.findByTestId('gpc')
  return screen.queryByTestId('gpc-ignored')?.textContent ?? null
}

describe('GPC control: why the site counts as ignoring the signal', () => {
  it.each([
    [
      'it said you had not opted out',
      { saidNotOptedOut: true, sameIdSync: ['Google'], comparedVisits: 2 },
      'ignores.test ignored your opt-out signal: it still said you had not opted out of the sale or sharing of your data.',
    ],
    [
      'the same companies kept getting your data',
      { comparedVisits: 2, sameIdSync: ['Google'], stillShared: ['Google'] },
      'ignores.test ignored your opt-out signal: the same companies got your data as on your visits without it.',
    ],
    [
      'it says it honours GPC, yet passed your ID on',
      { declaredHonours: true, stillShared: ['Google'] },
      'ignores.test says it honours this signal, yet your ID was passed between companies.',
    ],
    [
      'a finding with no detail',
      {},
      'ignores.test ignored your opt-out signal: it still said you had not opted out of the sale or sharing of your data.',
    ],
  ])('%s', async (_, detail, text) => {
    expect(await ignoredText(detail)).toBe(text)
  })

  it('says nothing when the visit was not flagged', async () => {
    expect(await ignoredText(undefined)).toBeNull()
  })
})
