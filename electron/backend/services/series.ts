/**
 * Booking series (issue 4): one request repeated by an RFC 5545 rule in Europe/Paris wall time
 * (shared/series.ts), previewed, stored all together and cancelled from a date on. Each occurrence is
 * an ordinary booking (`bookings.create`'s checks, journal and reference) carrying the series' id.
 */
import type { z } from 'zod'
import type {
  seriesCancelInput,
  seriesCreateInput,
  seriesPreviewInput,
} from '../../../shared/api/lifecycle-schemas'
import type { SeriesCreated, SeriesOccurrence, SeriesPreview } from '../../../shared/domain/lifecycle'
import { cancellableStatuses, type Booking } from '../../../shared/domain/types'
import { DomainError } from '../../../shared/errors'
import { expandSeries, type ExpandedOccurrence, type SeriesExpansion } from '../../../shared/series'
import { formatLocalDateFr, startOfLocalDate, toIsoUtc } from '../../../shared/time'
import { readTransaction, writeTransaction } from '../db/connection'
import {
  getSeries,
  getSeriesByClientRequestId,
  insertSeries,
  listSeriesBookings,
  type SeriesRecord,
} from '../db/repositories/series'
import { cancelBooking } from './booking-transitions'
import { createBooking, getBooking, requestProblems } from './bookings'
import { nowIso, type ServiceContext } from './context'
import { periodFromInput } from './periods'

type SeriesInput = z.output<typeof seriesPreviewInput>

/** An occurrence that cannot be booked, with the local date it starts on (for messages and details). */
type BlockedOccurrence = SeriesOccurrence & { readonly date: string }

/** @throws DomainError INVALID_INPUT (period, rule; see `expandSeries`) */
function expand(input: SeriesInput): SeriesExpansion {
  return expandSeries(periodFromInput(input.start, input.end), input.rule, input.exceptionDates ?? [])
}

/**
 * What stands in the way of one occurrence now, as seen inside the caller's transaction (so occurrences
 * of the same series stored just before count). Missing qualifications become its `problem`.
 * @throws DomainError NOT_FOUND (commune, resource), INVALID_INPUT (archived resource, hub)
 */
function checkOccurrence(ctx: ServiceContext, input: SeriesInput, o: ExpandedOccurrence): BlockedOccurrence {
  const base = {
    index: o.index,
    date: o.date,
    start: toIsoUtc(o.period.start),
    end: toIsoUtc(o.period.end),
    allDay: o.period.allDay,
    startDate: o.period.startDate,
    endDate: o.period.endDate,
    excluded: o.excluded,
  }
  if (o.excluded || o.problem !== null) return { ...base, conflicts: [], problem: o.problem }
  const { conflicts, qualificationIssues } = requestProblems(
    ctx,
    {
      communeId: input.communeId,
      period: o.period,
      items: input.items,
      providedOperator: input.providedOperator ?? null,
    },
    null,
  )
  const problem = qualificationIssues.length > 0 ? qualificationIssues.map((q) => q.message).join(' ') : null
  return { ...base, conflicts, problem }
}

function withoutDate({ date: _date, ...occurrence }: BlockedOccurrence): SeriesOccurrence {
  return occurrence
}

/**
 * `series.preview`: every occurrence of the rule (excluded ones included, flagged) with the conflicts
 * it would meet now against stored bookings, logistics tasks and unavailabilities, and as `problem`
 * an hour that does not exist that day or a missing qualification. Nothing is stored. Occurrences of
 * the series are not checked against each other here (they never overlap; only resource buffers could
 * make two of them meet, which `series.create` then reports).
 * @throws DomainError INVALID_INPUT (period, rule: path `rule` or `start`), NOT_FOUND (commune, resource)
 */
export function previewSeries(ctx: ServiceContext, input: SeriesInput): SeriesPreview {
  const expansion = expand(input)
  const occurrences = readTransaction(ctx.db, () =>
    expansion.occurrences.map((o) => withoutDate(checkOccurrence(ctx, input, o))),
  )
  return { description: expansion.description, occurrences }
}

/** The CONFLICT refusal of a series: the first blocked dates in the message, all of them in details. */
function seriesConflictError(blocked: readonly BlockedOccurrence[], nothingBooked: boolean): DomainError {
  const reasons = blocked.slice(0, 3).map((o) => {
    const why = o.problem ?? o.conflicts[0]?.message ?? ''
    return `le ${formatLocalDateFr(o.date)} : ${why.replace(/\.$/, '')}`
  })
  const more = blocked.length > 3 ? ` ; et ${blocked.length - 3} autre(s)` : ''
  const head = nothingBooked
    ? 'Aucune occurrence de la série ne peut être réservée'
    : blocked.length === 1
      ? 'Série non enregistrée : 1 occurrence ne peut pas être réservée'
      : `Série non enregistrée : ${blocked.length} occurrences ne peuvent pas être réservées`
  const hint = nothingBooked
    ? 'Changez la période, les ressources ou la règle.'
    : 'Choisissez de passer ces dates, ajoutez-les aux exceptions ou changez la période.'
  return new DomainError('CONFLICT', `${head} (${reasons.join(' ; ')}${more}). ${hint}`, {
    conflicts: blocked.flatMap((o) => o.conflicts),
    occurrences: blocked,
  })
}

/** `bookings.create`'s input for one occurrence: its dates (day-long) or its instants. */
function bookingInput(input: z.output<typeof seriesCreateInput>, o: ExpandedOccurrence) {
  const { period } = o
  const allDay = period.allDay && period.startDate !== null && period.endDate !== null
  return {
    communeId: input.communeId,
    title: input.title,
    start: allDay ? (period.startDate ?? '') : toIsoUtc(period.start),
    end: allDay ? (period.endDate ?? '') : toIsoUtc(period.end),
    items: input.items,
    notes: input.notes,
    providedOperator: input.providedOperator ?? null,
  }
}

/**
 * The result of an earlier `series.create` sent again with the same `clientRequestId`: its bookings as
 * they are now, and as skipped the occurrences of the rule that have no booking of the series starting
 * at their instant, with what stands in their way now.
 * @throws DomainError INVALID_INPUT (path `clientRequestId`) when the key was used for another rule
 */
function replay(
  ctx: ServiceContext,
  input: z.output<typeof seriesCreateInput>,
  expansion: SeriesExpansion,
  series: SeriesRecord,
): SeriesCreated {
  const sameRequest =
    series.rule === input.rule &&
    JSON.stringify(series.exceptionDates) === JSON.stringify(input.exceptionDates ?? [])
  if (!sameRequest) {
    const message =
      'Cet identifiant de demande a déjà servi pour une autre série : rechargez la page avant de recommencer.'
    throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'clientRequestId', message }] })
  }
  const rows = listSeriesBookings(ctx.db, series.id)
  const starts = new Set(rows.map((row) => row.start))
  return {
    seriesId: series.id,
    bookings: rows.map((row) => getBooking(ctx, row.id)),
    skipped: expansion.occurrences
      .filter((o) => !o.excluded && !starts.has(o.period.start))
      .map((o) => withoutDate(checkOccurrence(ctx, input, o))),
  }
}

/**
 * `series.create`: stores the series and one booking per occurrence, in one `BEGIN IMMEDIATE`
 * transaction; each booking goes through `createBooking` (availability, qualifications, journal), so
 * bookings of others are never touched. Excluded occurrences are not booked. An occurrence is blocked
 * by a conflict (with stored bookings, or an occurrence of this series stored just before), a missing
 * qualification or an hour that does not exist that day. `onConflict: 'stop'`: one blocked occurrence
 * and nothing is stored. `'skip'`: the others are booked, the blocked ones returned in `skipped`. The
 * same `clientRequestId` sent again returns the series already stored (see `replay`), not a second one.
 * @throws DomainError CONFLICT with `details: { conflicts, occurrences }` (each blocked occurrence with its
 *   local `date`, conflicts and problem) under `stop`, or when no occurrence at all can be booked;
 *   INVALID_INPUT (period, rule, every occurrence excluded, a reused `clientRequestId`); NOT_FOUND
 */
export function createSeries(ctx: ServiceContext, input: z.output<typeof seriesCreateInput>): SeriesCreated {
  const expansion = expand(input)
  return writeTransaction(ctx.db, () => {
    if (input.clientRequestId !== undefined) {
      const existing = getSeriesByClientRequestId(ctx.db, input.clientRequestId)
      if (existing) return replay(ctx, input, expansion, existing)
    }
    const seriesId = ctx.newId()
    insertSeries(ctx.db, {
      id: seriesId,
      rule: input.rule,
      exceptionDates: input.exceptionDates ?? [],
      clientRequestId: input.clientRequestId ?? null,
      createdAt: nowIso(ctx),
    })
    const bookings: Booking[] = []
    const blocked: BlockedOccurrence[] = []
    for (const o of expansion.occurrences) {
      if (o.excluded) continue
      // Checked inside this transaction, after the occurrences already stored: a buffer can make two meet.
      const checked = checkOccurrence(ctx, input, o)
      if (checked.problem !== null || checked.conflicts.length > 0) blocked.push(checked)
      else bookings.push(createBooking(ctx, bookingInput(input, o), { seriesId }))
    }
    // Throwing rolls the whole transaction back: the series row and the occurrences stored so far.
    if (blocked.length > 0 && (input.onConflict === 'stop' || bookings.length === 0)) {
      throw seriesConflictError(blocked, bookings.length === 0)
    }
    if (bookings.length === 0) {
      const message = 'Toutes les occurrences sont exclues : il ne reste rien à réserver.'
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'exceptionDates', message }] })
    }
    return { seriesId, bookings, skipped: blocked.map(withoutDate) }
  })
}

/**
 * `series.cancel`: cancels the series' bookings starting on or after the local date `from` (Europe/Paris
 * midnight) that are still requested or approved, each through `cancelBooking` (journaled, with the
 * reason), in one transaction. Earlier occurrences, and those handed out, returned, refused or already
 * cancelled, stay as they are.
 * @returns the bookings cancelled, by start; empty when none was left to cancel
 * @throws DomainError NOT_FOUND when the series does not exist
 */
export function cancelSeries(ctx: ServiceContext, input: z.output<typeof seriesCancelInput>): Booking[] {
  const from = startOfLocalDate(input.from)
  return writeTransaction(ctx.db, () => {
    if (!getSeries(ctx.db, input.id)) throw new DomainError('NOT_FOUND', 'Cette série n’existe pas.')
    return listSeriesBookings(ctx.db, input.id)
      .filter((row) => row.start >= from && cancellableStatuses.includes(row.status))
      .map((row) => cancelBooking(ctx, row.id, input.reason))
  })
}
