import { DomainError } from '../../../shared/errors'
import { resolvePeriod, startOfLocalDate, parseTimeInput, type Period } from '../../../shared/time'

/**
 * Resolves an API period, reporting a failure against the input's field names so the form can
 * show it next to the right field.
 * @throws DomainError INVALID_INPUT with `details.issues`
 */
export function periodFromInput(
  start: string,
  end: string,
  fields: readonly [string, string] = ['start', 'end'],
): Period {
  try {
    return resolvePeriod(start, end)
  } catch (error) {
    if (error instanceof DomainError) {
      throw new DomainError(error.code, error.message, {
        issues: [{ path: fields[1], message: error.message }],
      })
    }
    throw error
  }
}

/**
 * A search window `[from, to)` in epoch ms: a date means local midnight starting that date (Europe/Paris),
 * so `from: '2027-05-01', to: '2027-06-01'` is the month of May.
 * @throws DomainError INVALID_INPUT when `to` is not after `from`
 */
export function windowFromInput(from: string, to: string): { from: number; to: number } {
  const window = { from: momentFromInput(from), to: momentFromInput(to) }
  if (window.to <= window.from) {
    throw new DomainError('INVALID_INPUT', 'La fin de la période doit être après son début.', {
      issues: [{ path: 'to', message: 'La fin de la période doit être après son début.' }],
    })
  }
  return window
}

/** One moment of the API as epoch ms; a date means local midnight starting it (Europe/Paris). */
export function momentFromInput(text: string): number {
  const t = parseTimeInput(text)
  return t.kind === 'date' ? startOfLocalDate(t.date) : t.ms
}
