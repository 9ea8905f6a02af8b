/**
 * How close an agent qualification or an inspection deadline is to expiring (Europe/Paris dates). Pure
 * functions, no DOM, no store.
 */
import type { ResourceKind } from '../../../../shared/domain/types'
import { daysBetween, formatLocalDateFr } from '../../../../shared/time'
import { parseDateText } from '../../lib/period'
import { type QualificationDraft } from './draft'

/** Where a qualification stands on a day: `none` (does not expire), `valid`, `expiring` (within the warning window) or `expired`. */
export type ExpiryState = 'none' | 'valid' | 'expiring' | 'expired'

/**
 * The state of a qualification valid until `expiresOn` inclusive (`YYYY-MM-DD`, Europe/Paris), on
 * `today`: expired the day after `expiresOn`; `expiring` when at most `warnDays` (60) days remain.
 * `daysLeft` counts from today to the expiry day (0 = expires today; negative once expired).
 */
export function qualificationState(
  expiresOn: string | null,
  today: string,
  warnDays = 60,
): { readonly state: ExpiryState; readonly daysLeft: number | null } {
  if (!expiresOn) return { state: 'none', daysLeft: null }
  const daysLeft = daysBetween(today, expiresOn)
  if (daysLeft < 0) return { state: 'expired', daysLeft }
  return { state: daysLeft <= warnDays ? 'expiring' : 'valid', daysLeft }
}

/** French words for a qualification's expiry: `Expirée depuis le 01/02/2027`, `Expire le 01/02/2027 (dans 12 jours)`… */
export function expiryText(expiresOn: string | null, today: string): string {
  const { state, daysLeft } = qualificationState(expiresOn, today)
  if (!expiresOn || daysLeft === null) return 'Sans date d’expiration'
  const date = formatLocalDateFr(expiresOn)
  switch (state) {
    case 'expired':
      return `Expirée depuis le ${date}`
    case 'expiring':
      return daysLeft === 0
        ? `Expire aujourd’hui (${date})`
        : `Expire le ${date} (dans ${daysLeft} jour${daysLeft > 1 ? 's' : ''})`
    case 'valid':
    case 'none':
      return `Valable jusqu’au ${date}`
  }
}

/** The state of a typed qualification row on `today`; `none` while the date is empty or not understood. */
export function draftQualificationState(row: QualificationDraft, today: string): ExpiryState {
  return qualificationState(parseDateText(row.expiresOn), today).state
}

/** Where a compulsory inspection stands: `none`, `ok`, `soon` (within `warnDays`, 30) or `overdue` (its last day is past). */
export type InspectionState = 'none' | 'ok' | 'soon' | 'overdue'

/**
 * The state of the next inspection (`nextInspectionDate`, the last day the resource may be used,
 * Europe/Paris) on `today`, with the days left (negative when overdue).
 */
export function inspectionState(
  date: string | null,
  today: string,
  warnDays = 30,
): { readonly state: InspectionState; readonly daysLeft: number | null } {
  if (!date) return { state: 'none', daysLeft: null }
  const daysLeft = daysBetween(today, date)
  if (daysLeft < 0) return { state: 'overdue', daysLeft }
  return { state: daysLeft <= warnDays ? 'soon' : 'ok', daysLeft }
}

/** The name of a resource's compulsory inspection: `Contrôle technique` for a vehicle, `Vérification (VGP)` otherwise. */
export function inspectionName(kind: ResourceKind): string {
  return kind === 'vehicle' ? 'Contrôle technique' : 'Vérification périodique (VGP)'
}

/** French words for an inspection date: `dépassée depuis le 15/03/2027`, `le 15/03/2027, dans 12 jours`… */
export function inspectionText(date: string | null, today: string): string {
  const { state, daysLeft } = inspectionState(date, today)
  if (!date || daysLeft === null) return 'Non renseignée'
  const fr = formatLocalDateFr(date)
  switch (state) {
    case 'overdue':
      return `Dépassée depuis le ${fr} : les réservations sont refusées jusqu’au prochain contrôle`
    case 'soon':
      return daysLeft === 0
        ? `Aujourd’hui (${fr}) : les réservations au-delà sont refusées`
        : `Le ${fr}, dans ${daysLeft} jour${daysLeft > 1 ? 's' : ''} : les réservations au-delà sont refusées`
    case 'ok':
    case 'none':
      return `Le ${fr}`
  }
}
