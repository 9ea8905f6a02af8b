import Holidays from 'date-holidays'
import type { Holiday } from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'

/**
 * French public holidays of metropolitan France (date-holidays, country FR, type `public`), checked
 * against etalab's "Jours fériés en France" for 2026–2028 in tests/backend/holidays.test.ts.
 */
const france = new Holidays('FR', { languages: ['fr'], timezone: 'Europe/Paris' })

/**
 * `holidays.list`: holidays whose date lies in `[from, to]` (local dates `YYYY-MM-DD`, both inclusive).
 * @throws DomainError INVALID_INPUT when the range is reversed or longer than 10 years
 */
export function listHolidays(from: string, to: string): Holiday[] {
  const first = Number(from.slice(0, 4))
  const last = Number(to.slice(0, 4))
  if (to < from) throw new DomainError('INVALID_INPUT', 'La fin de la période doit suivre son début.')
  if (last - first > 10)
    throw new DomainError('INVALID_INPUT', 'Demandez les jours fériés sur dix ans au plus.')
  const holidays: Holiday[] = []
  for (let year = first; year <= last; year++) {
    for (const h of france.getHolidays(year, 'fr')) {
      const date = h.date.slice(0, 10)
      if (h.type === 'public' && date >= from && date <= to) holidays.push({ date, name: h.name })
    }
  }
  return holidays
}
