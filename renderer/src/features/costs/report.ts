/**
 * The Refacturation page's reading of a cost report: a commune's lines grouped by booking with their
 * subtotals, the statement already issued over a period, and what the manager must still look at.
 * Pure functions, no DOM, no store; amounts are the backend's (`reports.costs`), only summed here.
 */
import type { CostLine, StatementSummary } from '../../../../shared/domain/costs'

/** One booking's lines on a commune's report, in the order the backend gave them. */
export interface BookingGroup {
  readonly bookingId: string
  readonly reference: string
  readonly title: string
  /** `du 05/12/2026 au 06/12/2026`, as the backend wrote it. */
  readonly periodText: string
  /** `use` lines first, then the damage lines of the booking. */
  readonly lines: readonly CostLine[]
  /** Sum of the lines' amounts, cents. */
  readonly totalCents: number
  /** Lines counted at 0 € because a rate (or the resource's area) is missing. */
  readonly missingRates: number
}

/**
 * A commune's lines grouped by booking, bookings by reference (`RES-2026-0001` before
 * `RES-2026-0002`); a booking's damage lines come after its use lines.
 */
export function groupByBooking(lines: readonly CostLine[]): BookingGroup[] {
  const groups = new Map<string, CostLine[]>()
  for (const line of lines) groups.set(line.bookingId, [...(groups.get(line.bookingId) ?? []), line])
  return [...groups.values()]
    .map((group): BookingGroup => {
      const first = group[0]!
      const ordered = [...group.filter((l) => l.kind === 'use'), ...group.filter((l) => l.kind === 'damage')]
      return {
        bookingId: first.bookingId,
        reference: first.bookingReference,
        title: first.bookingTitle,
        periodText: first.periodText,
        lines: ordered,
        totalCents: group.reduce((sum, line) => sum + line.amountCents, 0),
        missingRates: group.filter((line) => line.rateSource === 'missing').length,
      }
    })
    .sort((a, b) => a.reference.localeCompare(b.reference, 'fr'))
}

/** Lines counted at 0 € for want of a rate or an area: the manager completes them before issuing. */
export function missingRateCount(lines: readonly CostLine[]): number {
  return lines.filter((line) => line.rateSource === 'missing').length
}

/**
 * The statement of this commune whose period shares a day with `[from, to]` (local dates,
 * inclusive), latest issued first; null when none. The backend refuses a second statement over the
 * same days, so the page shows this one instead of « Émettre le relevé ».
 */
export function overlappingStatement(
  statements: readonly StatementSummary[],
  communeId: string,
  from: string,
  to: string,
): StatementSummary | null {
  return (
    statements
      .filter((s) => s.communeId === communeId && s.from <= to && s.to >= from)
      .sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1))[0] ?? null
  )
}

/** Whether the statement covers exactly the period asked (else it only overlaps it). */
export function coversExactly(
  statement: Pick<StatementSummary, 'from' | 'to'>,
  from: string,
  to: string,
): boolean {
  return statement.from === from && statement.to === to
}
