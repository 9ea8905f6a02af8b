/**
 * A change of who may operate what must still hold every booking to come: a resource now requiring a
 * qualification, or an agent losing one (or seeing it expire sooner), is refused when a booking to
 * come would lack its qualified operator — the same rule `bookings.create` applies (shared/qualifications.ts).
 */
import { DomainError } from '../../../shared/errors'
import { qualificationIssues } from '../../../shared/qualifications'
import { listBlockingBookingsOfResource } from '../db/repositories/bookings'
import { getCommune } from '../db/repositories/communes'
import { getResourcesByIds, type ResourceRecord } from '../db/repositories/resources'
import { formatPeriodFr } from '../../../shared/time'
import { toBooking } from './bookings'
import type { ServiceContext } from './context'

/** @throws DomainError CONFLICT with `details.bookings` (the bookings to come that would lack an operator) */
export function refuseUnqualified(ctx: ServiceContext, before: ResourceRecord, after: ResourceRecord): void {
  const changed =
    before.requiredQualification !== after.requiredQualification ||
    JSON.stringify(before.qualifications) !== JSON.stringify(after.qualifications)
  if (!changed) return
  const stranded = listBlockingBookingsOfResource(ctx.db, after.id, ctx.now()).filter((booking) => {
    const resources = getResourcesByIds(
      ctx.db,
      booking.items.map((i) => i.resourceId),
    ).map((r) => (r.id === after.id ? after : r))
    const was = resources.map((r) => (r.id === before.id ? before : r))
    // Only what this change breaks: a booking already lacking an operator is the approval's business.
    return (
      qualificationIssues(booking, resources, booking.providedOperator).length >
      qualificationIssues(booking, was, booking.providedOperator).length
    )
  })
  const first = stranded[0]
  if (!first) return
  const where = `${first.reference} (${getCommune(ctx.db, first.communeId)?.name ?? '?'}, ${formatPeriodFr(first)})`
  const more = stranded.length > 1 ? ` et ${stranded.length - 1} autre(s)` : ''
  throw new DomainError(
    'CONFLICT',
    `Modification refusée : la réservation ${where}${more} n’aurait plus d’opérateur qualifié. ` +
      'Ajoutez-y un agent qualifié ou l’opérateur fourni par la commune, ou annulez-la d’abord.',
    { bookings: stranded.map((b) => toBooking(b, ctx.now())) },
  )
}
