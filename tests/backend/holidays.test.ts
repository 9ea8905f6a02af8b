import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeBackend } from './helpers'

/** etalab's official list (tests/fixtures/README.md). */
const official = readFileSync(
  join(import.meta.dirname, '../fixtures/jours_feries_metropole_2026_2028.csv'),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[0])

describe('holidays.list', () => {
  it('gives exactly the official public holidays of metropolitan France, 2026–2028', async () => {
    const api = makeBackend()
    const holidays = await api.ok('holidays.list', { from: '2026-01-01', to: '2028-12-31' })
    expect(holidays.map((h) => h.date)).toEqual(official)
  })

  it('has 11 holidays in 2027, Easter Monday on 29/03, with French names', async () => {
    const api = makeBackend()
    const holidays = await api.ok('holidays.list', { from: '2027-01-01', to: '2027-12-31' })
    expect(holidays).toHaveLength(11)
    expect(holidays).toContainEqual({ date: '2027-03-29', name: 'Lundi de Pâques' })
    expect(holidays.find((h) => h.date === '2027-07-14')?.name).toMatch(/Nationale/)
  })

  it('includes both ends of the range and refuses a reversed one', async () => {
    const api = makeBackend()
    expect(
      (await api.ok('holidays.list', { from: '2027-05-08', to: '2027-05-08' })).map((h) => h.date),
    ).toEqual(['2027-05-08'])
    expect((await api.fail('holidays.list', { from: '2027-05-09', to: '2027-05-08' })).code).toBe(
      'INVALID_INPUT',
    )
  })
})
