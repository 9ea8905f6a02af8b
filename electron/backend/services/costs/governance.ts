/**
 * The rules the council votes (hub settings, `governance`), checked by the backend when a commune's
 * request is created (`bookings.create`, and each occurrence of `series.create`, which creates
 * through it): minimum notice, longest loan, and quotas of days per commune, category and calendar
 * month or year. Edits of an existing booking (`bookings.update`) and the hub's approval are not
 * checked again: the rules apply to asking, and the manager may move a booking he has accepted.
 *
 * Rules in force are the settings version of today (local date, Europe/Paris). A refusal is an
 * INVALID_INPUT whose French message names the rule, the figures, and what to do;
 * `details.issues` points at the field to change and `details.rule` names the rule
 * (`minNotice`, `maxLoan`, `quota`).
 */
import {
  countDays,
  countDaysWithin,
  coveredDates,
  type CountedPeriod,
} from '../../../../shared/costs/counting'
import type { CategoryQuota } from '../../../../shared/domain/costs'
import type { BookingStatus } from '../../../../shared/domain/types'
import { DomainError } from '../../../../shared/errors'
import {
  addDaysToDate,
  daysBetween,
  formatLocalDateFr,
  instantToLocalDate,
  startOfLocalDate,
} from '../../../../shared/time'
import { listBookings } from '../../db/repositories/bookings'
import { listCategories } from '../../db/repositories/categories'
import { getCommune } from '../../db/repositories/communes'
import { getResourcesByIds } from '../../db/repositories/resources'
import type { ServiceContext } from '../context'
import { settingsLookup } from './settings'

/** Bookings that use up a quota: every one asked for or granted, not refused or cancelled. */
const quotaStatuses: readonly BookingStatus[] = ['requested', 'approved', 'checked_out', 'returned']

/** A request as the rules read it. */
export interface GovernedRequest {
  readonly communeId: string
  readonly period: CountedPeriod
  readonly items: readonly { readonly resourceId: string; readonly quantity?: number | undefined }[]
}

function refuse(rule: 'minNotice' | 'maxLoan' | 'quota', path: string, message: string): never {
  throw new DomainError('INVALID_INPUT', message, { issues: [{ path, message }], rule })
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n >= 2 ? many : one}`
}

/** « 4 jours sont déjà demandés ou réservés », in agreement with the count. */
function usedText(days: number): string {
  if (days === 0) return 'aucun jour n’est encore demandé'
  return days === 1 ? '1 jour est déjà demandé ou réservé' : `${days} jours sont déjà demandés ou réservés`
}

/** `mai 2027` or `2027`: the calendar period starting on `first`. */
function periodName(first: string, period: CategoryQuota['period']): string {
  if (period === 'year') return first.slice(0, 4)
  return new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${first}T00:00:00Z`),
  )
}

/** The calendar months or years (first and last local dates) that `[first, last]` touches. */
function calendarPeriods(first: string, last: string, period: CategoryQuota['period']): [string, string][] {
  const periods: [string, string][] = []
  let start = period === 'year' ? `${first.slice(0, 4)}-01-01` : `${first.slice(0, 7)}-01`
  while (start <= last) {
    const [y, m] = start.split('-').map(Number) as [number, number]
    const next =
      period === 'year'
        ? `${y + 1}-01-01`
        : `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`
    periods.push([start, addDaysToDate(next, -1)])
    start = next
  }
  return periods
}

/**
 * Checks a commune's new request (or a booking being moved or changed: `ignoreBookingId`, left out of
 * the quotas) against the rules in force today.
 * @throws DomainError INVALID_INPUT (French message, `details.issues` and `details.rule`) on the
 *   first rule it breaks: notice, then length, then quotas
 */
export function assertGovernanceRules(
  ctx: ServiceContext,
  request: GovernedRequest,
  ignoreBookingId: string | null = null,
): void {
  const commune = getCommune(ctx.db, request.communeId)
  if (!commune?.hubId) return
  const today = instantToLocalDate(ctx.now())
  const rules = settingsLookup(ctx.db, commune.hubId)(today).governance
  const { first, last } = coveredDates(request.period)

  const notice = daysBetween(today, first)
  if (rules.minNoticeDays > 0 && notice < 0) {
    refuse(
      'minNotice',
      'start',
      `Le ${formatLocalDateFr(first)} est déjà passé : une demande se fait au moins ` +
        `${plural(rules.minNoticeDays, 'jour', 'jours')} à l’avance (règle votée par le conseil). ` +
        `Choisissez un début à partir du ${formatLocalDateFr(addDaysToDate(today, rules.minNoticeDays))}.`,
    )
  }
  if (rules.minNoticeDays > 0 && notice < rules.minNoticeDays) {
    refuse(
      'minNotice',
      'start',
      `Demande trop tardive : le pôle technique doit être prévenu au moins ${plural(rules.minNoticeDays, 'jour', 'jours')} ` +
        `à l’avance (règle votée par le conseil), et le ${formatLocalDateFr(first)} est dans ${plural(Math.max(notice, 0), 'jour', 'jours')}. ` +
        `Choisissez un début à partir du ${formatLocalDateFr(addDaysToDate(today, rules.minNoticeDays))}, ou voyez avec le pôle technique.`,
    )
  }

  const length = countDays(request.period)
  if (rules.maxLoanDays !== null && length > rules.maxLoanDays) {
    refuse(
      'maxLoan',
      'end',
      `Durée trop longue : un prêt dure au plus ${plural(rules.maxLoanDays, 'jour', 'jours')} (règle votée par le conseil), ` +
        `et cette demande en couvre ${length}. Raccourcissez la période.`,
    )
  }

  if (rules.quotas.length === 0) return
  const categories = listCategories(ctx.db)
  const resources = new Map(
    getResourcesByIds(
      ctx.db,
      request.items.map((i) => i.resourceId),
    ).map((r) => [r.id, r]),
  )
  for (const quota of rules.quotas) {
    const inCategory = new Set([
      quota.categoryId,
      ...categories.filter((c) => c.parentId === quota.categoryId).map((c) => c.id),
    ])
    const categoryName = categories.find((c) => c.id === quota.categoryId)?.name ?? 'cette catégorie'
    const counted = (items: GovernedRequest['items'], lookup: (id: string) => string | null) =>
      items.filter((item) => {
        const categoryId = lookup(item.resourceId)
        return categoryId !== null && inCategory.has(categoryId)
      })
    const requestedItems = counted(request.items, (id) => resources.get(id)?.categoryId ?? null)
    if (requestedItems.length === 0) continue
    for (const [start, end] of calendarPeriods(first, last, quota.period)) {
      const itemDays = (period: CountedPeriod, items: GovernedRequest['items']) =>
        items.reduce((sum, item) => sum + (item.quantity ?? 1) * countDaysWithin(period, start, end), 0)
      const asked = itemDays(request.period, requestedItems)
      const others = listBookings(ctx.db, {
        from: startOfLocalDate(start),
        to: startOfLocalDate(addDaysToDate(end, 1)),
        communeId: commune.id,
      }).filter((b) => quotaStatuses.includes(b.status) && b.id !== ignoreBookingId)
      const otherResources = new Map(
        getResourcesByIds(ctx.db, [...new Set(others.flatMap((b) => b.items.map((i) => i.resourceId)))]).map(
          (r) => [r.id, r.categoryId],
        ),
      )
      const used = others.reduce(
        (sum, b) =>
          sum +
          itemDays(
            b,
            counted(b.items, (id) => otherResources.get(id) ?? null),
          ),
        0,
      )
      if (used + asked > quota.maxDays) {
        const per = quota.period === 'month' ? 'par mois' : 'par an'
        refuse(
          'quota',
          'items',
          `Quota dépassé : ${commune.name} a droit à ${plural(quota.maxDays, 'jour', 'jours')} de « ${categoryName} » ${per} ` +
            `(règle votée par le conseil) ; en ${periodName(start, quota.period)}, ${usedText(used)} et cette demande ` +
            `en compte ${asked}. Réduisez la durée ou la quantité, ou voyez avec le pôle technique.`,
        )
      }
    }
  }
}
