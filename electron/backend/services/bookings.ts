import type { z } from 'zod'
import type { bookingsCreateInput, bookingsListInput, bookingsUpdateInput } from '../../../shared/api/schemas'
import type { RequestedItem } from '../../../shared/availability'
import type { QualificationIssue } from '../../../shared/domain/lifecycle'
import {
  cancellableStatuses,
  type Booking,
  type BookingStatus,
  type Commune,
  type Conflict,
  type ProvidedOperator,
} from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { qualificationIssues } from '../../../shared/qualifications'
import { toIsoUtc, TIME_ZONE, type Period } from '../../../shared/time'
import { writeTransaction } from '../db/connection'
import { appendAudit } from '../db/repositories/audit'
import {
  getBooking as selectBooking,
  getBookingByClientRequestId,
  insertBooking,
  listBookings as selectBookings,
  nextBookingReference,
  replaceBooking,
  type BookingRecord,
} from '../db/repositories/bookings'
import { getCommune } from '../db/repositories/communes'
import type { ResourceRecord } from '../db/repositories/resources'
import { conflictsFor, loadRequestedResources } from './availability'
import { nowIso, type ServiceContext } from './context'
import { assertGovernanceRules } from './costs/governance'
import { sameRequest, statusAfterChange } from './booking-changes'
import { planDelivery, storeDelivery, type DeliveryRequest } from './logistics'
import { periodFromInput, windowFromInput } from './periods'

/**
 * The API shape of a stored booking: instants as ISO 8601 UTC; `late` when handed out and not returned
 * although its end is at or before `now` (epoch ms).
 */
export function toBooking(record: BookingRecord, now: number): Booking {
  const { clientRequestId: _key, returnedItems, checkOut, return: returned, ...rest } = record
  return {
    ...rest,
    start: toIsoUtc(record.start),
    end: toIsoUtc(record.end),
    checkOut: checkOut && { ...checkOut, at: toIsoUtc(checkOut.at) },
    return: returned && { ...returned, at: toIsoUtc(returned.at), items: returnedItems ?? [] },
    late: record.status === 'checked_out' && record.end <= now,
  }
}

/** French past participle of each status, for messages (« la réservation RES-… est annulée »). */
export const statusLabel: Record<BookingStatus, string> = {
  requested: 'demandée',
  approved: 'acceptée',
  rejected: 'refusée',
  cancelled: 'annulée',
  checked_out: 'sortie',
  returned: 'rendue',
}

/** The Europe/Paris calendar year of an instant, for references. */
function localYear(ms: number): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric' }).format(ms))
}

/** @throws DomainError NOT_FOUND with the field path `communeId` */
function loadCommune(ctx: ServiceContext, id: string): Commune {
  const commune = getCommune(ctx.db, id)
  if (!commune) {
    throw new DomainError('NOT_FOUND', 'Cette commune n’existe pas.', {
      issues: [{ path: 'communeId', message: 'Commune introuvable.' }],
    })
  }
  return commune
}

/**
 * The hub of the requested resources, which must be the commune's.
 * @throws DomainError INVALID_INPUT when the resources belong to several hubs or not to the commune's
 */
function checkHub(commune: Commune, resources: ReadonlyMap<string, { hubId: string }>): string {
  const hubIds = new Set([...resources.values()].map((r) => r.hubId))
  const [hubId] = hubIds
  if (hubIds.size !== 1 || !hubId) {
    throw new DomainError(
      'INVALID_INPUT',
      'Une réservation ne porte que sur les ressources d’un seul pôle technique.',
    )
  }
  if (commune.hubId !== hubId) {
    const message = `${commune.name} n’est pas desservie par le pôle technique qui prête ces ressources.`
    throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'communeId', message }] })
  }
  return hubId
}

/** The CONFLICT refusal: the first explanation in the message, all of them in `details.conflicts`. */
export function conflictError(conflicts: readonly Conflict[]): DomainError {
  const first = conflicts[0]?.message ?? ''
  const others = conflicts.length - 1
  const more =
    others > 0 ? ` (et ${others} autre${others > 1 ? 's' : ''} conflit${others > 1 ? 's' : ''})` : ''
  return new DomainError('CONFLICT', `Réservation impossible. ${first}${more}`, { conflicts })
}

/** The QUALIFICATION_MISSING refusal, every missing qualification in `details.issues`. */
export function qualificationError(issues: readonly QualificationIssue[]): DomainError {
  const more = issues.length > 1 ? ` (et ${issues.length - 1} autre(s) qualification(s) manquante(s))` : ''
  return new DomainError('QUALIFICATION_MISSING', `${issues[0]?.message ?? ''}${more}`, { issues })
}

/** A booking request as the rules see it: who, when, what, with whose operator and which delivery. */
export interface BookingRequest {
  readonly communeId: string
  readonly period: Period
  readonly items: readonly { readonly resourceId: string; readonly quantity?: number | undefined }[]
  readonly providedOperator: ProvidedOperator | null
  readonly delivery?: DeliveryRequest | null | undefined
}

/** A request checked against the rules: its hub, normalised items and what stands in its way. */
interface CheckedRequest {
  readonly hubId: string
  readonly items: RequestedItem[]
  readonly resources: Map<string, ResourceRecord>
  readonly conflicts: Conflict[]
  readonly qualificationIssues: QualificationIssue[]
}

function checkRequest(
  ctx: ServiceContext,
  request: BookingRequest,
  ignoreBookingId: string | null,
): CheckedRequest {
  const commune = loadCommune(ctx, request.communeId)
  const { resources, items } = loadRequestedResources(ctx, request.items)
  const hubId = checkHub(commune, resources)
  const conflicts = conflictsFor(ctx, request.period, items, resources, ignoreBookingId)
  if (request.delivery) {
    const plan = planDelivery(ctx, request.period, request.delivery, items, hubId)
    conflicts.push(...plan.conflicts(ignoreBookingId))
  }
  return {
    hubId,
    items,
    resources,
    conflicts,
    qualificationIssues: qualificationIssues(
      request.period,
      [...resources.values()],
      request.providedOperator,
    ),
  }
}

/**
 * What a booking of `request` would meet now, without storing anything: availability conflicts (its
 * items, and the vehicle and agents of its delivery) and missing qualifications. `ignoreBookingId`
 * leaves one stored booking out (the one being approved or edited).
 * @throws DomainError NOT_FOUND (commune, resource), INVALID_INPUT (archived resource, hub)
 */
export function requestProblems(
  ctx: ServiceContext,
  request: BookingRequest,
  ignoreBookingId: string | null,
): { conflicts: Conflict[]; qualificationIssues: QualificationIssue[] } {
  const { conflicts, qualificationIssues: issues } = checkRequest(ctx, request, ignoreBookingId)
  return { conflicts, qualificationIssues: issues }
}

/**
 * Checks a request and throws its first kind of problem.
 * @throws DomainError CONFLICT (`details.conflicts`), QUALIFICATION_MISSING (`details.issues`)
 */
export function assertRequestFits(
  ctx: ServiceContext,
  request: BookingRequest,
  ignoreBookingId: string | null,
): CheckedRequest {
  const checked = checkRequest(ctx, request, ignoreBookingId)
  if (checked.conflicts.length > 0) throw conflictError(checked.conflicts)
  if (checked.qualificationIssues.length > 0) throw qualificationError(checked.qualificationIssues)
  return checked
}

/** Appends one journal entry about a booking. */
export function journalBooking(
  ctx: ServiceContext,
  action: string,
  before: BookingRecord | null,
  after: BookingRecord,
): void {
  appendAudit(ctx.db, {
    id: ctx.newId(),
    at: after.updatedAt,
    actor: ctx.actor,
    entity: 'booking',
    entityId: after.id,
    action,
    before,
    after,
  })
}

/**
 * `bookings.create`. Inside one `BEGIN IMMEDIATE` transaction (a savepoint when called inside another,
 * as a series does): checks the commune and the resources, re-checks availability against every stored
 * blocking booking, logistics task and unavailability, checks qualified operators, then stores the
 * booking, its items, its delivery tasks, its reference and a journal entry. All or nothing. The status
 * is `requested` when any resource requires the hub's approval, `approved` otherwise. The same request
 * sent again with its `clientRequestId` returns the booking already stored, unchanged; another request
 * with a used key is refused (INVALID_INPUT on `clientRequestId`).
 * @throws DomainError NOT_FOUND (commune, resource), INVALID_INPUT (period, archived resource, commune
 *   not served by the resources' hub, delivery), CONFLICT with `details.conflicts`,
 *   QUALIFICATION_MISSING with `details.issues`
 */
export function createBooking(
  ctx: ServiceContext,
  input: z.output<typeof bookingsCreateInput>,
  options: { readonly seriesId?: string } = {},
): Booking {
  const period = periodFromInput(input.start, input.end)
  return writeTransaction(ctx.db, () => {
    if (input.clientRequestId !== undefined) {
      const existing = getBookingByClientRequestId(ctx.db, input.clientRequestId)
      if (existing) {
        if (!sameRequest(existing, input, period)) {
          const message =
            'Cet identifiant de demande a déjà servi pour une autre demande : rechargez la page et envoyez-la de nouveau.'
          throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'clientRequestId', message }] })
        }
        return toBooking(existing, ctx.now())
      }
    }
    const request: BookingRequest = {
      communeId: input.communeId,
      period,
      items: input.items,
      providedOperator: input.providedOperator ?? null,
      delivery: input.delivery ?? null,
    }
    if ((ctx.communeScope ?? null) !== null && period.end <= ctx.now()) {
      // The hub may record a loan after the fact; a commune asks for what is to come.
      const message = 'Cette période est déjà passée : une commune ne peut demander que pour l’avenir.'
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'end', message }] })
    }
    const { hubId, items, resources } = assertRequestFits(ctx, request, null)
    assertGovernanceRules(ctx, request)
    const at = nowIso(ctx)
    const record: BookingRecord = {
      id: ctx.newId(),
      reference: nextBookingReference(ctx.db, localYear(ctx.now())),
      hubId,
      communeId: input.communeId,
      title: input.title,
      notes: input.notes ?? '',
      status: [...resources.values()].some((r) => r.requiresApproval) ? 'requested' : 'approved',
      start: period.start,
      end: period.end,
      allDay: period.allDay,
      startDate: period.startDate,
      endDate: period.endDate,
      cancelReason: null,
      createdAt: at,
      updatedAt: at,
      items,
      clientRequestId: input.clientRequestId ?? null,
      rejectReason: null,
      providedOperator: input.providedOperator ?? null,
      delivery: request.delivery ? planDelivery(ctx, period, request.delivery, items, hubId).delivery : null,
      seriesId: options.seriesId ?? null,
      checkOut: null,
      return: null,
      returnedItems: null,
    }
    insertBooking(ctx.db, record)
    storeDelivery(ctx, record)
    journalBooking(ctx, 'create', null, record)
    return toBooking(record, ctx.now())
  })
}

/**
 * `bookings.update`: moves, resizes, retitles a booking, changes its items, its operator or its
 * delivery, re-checking availability and qualifications against everything else inside one write
 * transaction, and the council's rules (notice, longest loan, quotas) when the period or items change.
 * On refusal the booking is unchanged. The status follows `statusAfterChange`.
 * @throws DomainError NOT_FOUND, INVALID_TRANSITION (not requested or approved), INVALID_INPUT, CONFLICT,
 *   QUALIFICATION_MISSING
 */
export function updateBooking(ctx: ServiceContext, input: z.output<typeof bookingsUpdateInput>): Booking {
  const period =
    input.start !== undefined && input.end !== undefined ? periodFromInput(input.start, input.end) : null
  return writeTransaction(ctx.db, () => {
    const before = selectBooking(ctx.db, input.id)
    if (!before) throw new DomainError('NOT_FOUND', 'Cette réservation n’existe pas.')
    if (!cancellableStatuses.includes(before.status)) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `La réservation ${before.reference} est ${statusLabel[before.status]} : elle ne peut plus être modifiée.`,
      )
    }
    const next: Period = period ?? before
    const request: BookingRequest = {
      communeId: input.communeId ?? before.communeId,
      period: next,
      items: input.items ?? before.items,
      providedOperator:
        input.providedOperator === undefined ? before.providedOperator : input.providedOperator,
      delivery: input.delivery === undefined ? before.delivery : input.delivery,
    }
    const { items, hubId, resources } = assertRequestFits(ctx, request, before.id)
    const periodChanged = next.start !== before.start || next.end !== before.end
    const itemsChanged = JSON.stringify(items) !== JSON.stringify(before.items)
    if (periodChanged || itemsChanged || request.communeId !== before.communeId) {
      assertGovernanceRules(ctx, request, before.id)
    }
    const status = statusAfterChange(ctx, before, items, resources, periodChanged || itemsChanged)
    const after: BookingRecord = {
      ...before,
      status,
      communeId: request.communeId,
      title: input.title ?? before.title,
      notes: input.notes ?? before.notes,
      start: next.start,
      end: next.end,
      allDay: next.allDay,
      startDate: next.startDate,
      endDate: next.endDate,
      items,
      providedOperator: request.providedOperator,
      delivery: request.delivery ? planDelivery(ctx, next, request.delivery, items, hubId).delivery : null,
      updatedAt: nowIso(ctx),
    }
    replaceBooking(ctx.db, after)
    storeDelivery(ctx, after)
    journalBooking(ctx, 'update', before, after)
    return toBooking(after, ctx.now())
  })
}

/** `bookings.list`: bookings overlapping `[from, to)`, by start. Dates mean local midnight (Europe/Paris). */
export function listBookings(ctx: ServiceContext, input: z.output<typeof bookingsListInput>): Booking[] {
  const window = windowFromInput(input.from, input.to)
  const now = ctx.now()
  return selectBookings(ctx.db, {
    ...window,
    communeId: input.communeId,
    resourceId: input.resourceId,
    status: input.status,
  }).map((b) => toBooking(b, now))
}

/**
 * A stored booking.
 * @throws DomainError NOT_FOUND
 */
export function loadBooking(ctx: ServiceContext, id: string): BookingRecord {
  const record = selectBooking(ctx.db, id)
  if (!record) throw new DomainError('NOT_FOUND', 'Cette réservation n’existe pas.')
  return record
}

/** @throws DomainError NOT_FOUND */
export function getBooking(ctx: ServiceContext, id: string): Booking {
  return toBooking(loadBooking(ctx, id), ctx.now())
}
