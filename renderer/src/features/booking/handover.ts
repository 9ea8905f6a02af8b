/**
 * The hand-over (remise, `bookings.checkOut`) and return (réception, `bookings.return`) forms: drafts
 * as typed, what the depot must correct before sending, and the API inputs. Pure, no DOM.
 *
 * Return rule (the one the backend keeps too): for each line, damaged ≤ returned ≤ booked quantity,
 * whole numbers. An odometer is in whole km and, when the hand-over recorded one, not below it.
 */
import type { MethodInput } from '../../../../shared/api/contract'
import type { Booking, Resource } from '../../../../shared/domain/types'

/** One line of the return form; quantities as typed. Unit resources use `1`/`0`. */
export interface ReturnLineDraft {
  readonly resourceId: string
  /** Quantity booked (1 for a unit resource). */
  readonly quantity: number
  readonly isStock: boolean
  readonly returned: string
  readonly damaged: string
}

export interface ReturnDraft {
  readonly lines: readonly ReturnLineDraft[]
  /** km as typed, '' when the booking has no vehicle or it is not read. */
  readonly odometerKm: string
  readonly notes: string
}

export interface CheckOutDraft {
  readonly odometerKm: string
  readonly notes: string
}

/** The vehicle of a booking whose odometer the depot reads (the first one), or null. */
export function bookingVehicle(
  booking: Pick<Booking, 'items'>,
  resourcesById: ReadonlyMap<string, Resource>,
): Resource | null {
  for (const item of booking.items) {
    const resource = resourcesById.get(item.resourceId)
    if (resource?.kind === 'vehicle') return resource
  }
  return null
}

export const emptyCheckOutDraft: CheckOutDraft = { odometerKm: '', notes: '' }

/** A return form where everything came back, undamaged (the usual case: the depot corrects the rest). */
export function fullReturnDraft(
  booking: Pick<Booking, 'items'>,
  resourcesById: ReadonlyMap<string, Resource>,
): ReturnDraft {
  return {
    lines: booking.items.map((item) => {
      const isStock = resourcesById.get(item.resourceId)?.tracking === 'stock'
      return {
        resourceId: item.resourceId,
        quantity: item.quantity,
        isStock,
        returned: String(item.quantity),
        damaged: '0',
      }
    }),
    odometerKm: '',
    notes: '',
  }
}

const WHOLE = /^\d+$/

function wholeNumber(text: string): number | null {
  const trimmed = text.trim().replace(/[\s\u00a0\u202f]/g, '')
  return WHOLE.test(trimmed) ? Number(trimmed) : null
}

/**
 * The odometer's error, or null: empty is allowed (not read); otherwise whole km, 0 to 10 000 000,
 * and not below `minimumKm` (the reading at the hand-over).
 */
export function odometerError(text: string, minimumKm: number | null): string | null {
  if (text.trim() === '') return null
  const km = wholeNumber(text)
  if (km === null) return 'Kilométrage en km entiers (ex. 45210).'
  if (km > 10_000_000) return 'Kilométrage trop grand : vérifiez le compteur.'
  if (minimumKm !== null && km < minimumKm) {
    return `Le compteur ne peut pas être inférieur à celui de la sortie (${new Intl.NumberFormat('fr-FR').format(minimumKm)} km).`
  }
  return null
}

/**
 * What the return form must correct, French messages keyed `lines.<i>.returned`,
 * `lines.<i>.damaged` and `odometerKm`; empty when it can be sent.
 * @param checkOutKm odometer recorded at the hand-over, km, or null
 */
export function returnDraftErrors(draft: ReturnDraft, checkOutKm: number | null): Record<string, string> {
  const errors: Record<string, string> = {}
  draft.lines.forEach((line, index) => {
    const returned = wholeNumber(line.returned)
    const damaged = line.damaged.trim() === '' ? 0 : wholeNumber(line.damaged)
    if (returned === null)
      errors[`lines.${index}.returned`] = 'Nombre entier attendu (0 si rien n’est revenu).'
    else if (returned > line.quantity) {
      errors[`lines.${index}.returned`] = `Au plus ${line.quantity}, la quantité sortie.`
    }
    if (damaged === null) errors[`lines.${index}.damaged`] = 'Nombre entier attendu (0 si rien n’est abîmé).'
    else if (returned !== null && damaged > returned) {
      errors[`lines.${index}.damaged`] = `Au plus ${returned}, la quantité rendue.`
    }
  })
  const km = odometerError(draft.odometerKm, checkOutKm)
  if (km) errors.odometerKm = km
  return errors
}

/** The `bookings.return` input of a valid draft (every line sent, so nothing is assumed). */
export function returnInput(bookingId: string, draft: ReturnDraft): MethodInput<'bookings.return'> {
  const km = wholeNumber(draft.odometerKm)
  return {
    id: bookingId,
    items: draft.lines.map((line) => ({
      resourceId: line.resourceId,
      returnedQuantity: wholeNumber(line.returned) ?? 0,
      damagedQuantity: line.damaged.trim() === '' ? 0 : (wholeNumber(line.damaged) ?? 0),
    })),
    ...(km !== null ? { odometerKm: km } : {}),
    ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
  }
}

/** The check-out form's errors (`odometerKm`), empty when it can be sent. */
export function checkOutDraftErrors(draft: CheckOutDraft): Record<string, string> {
  const km = odometerError(draft.odometerKm, null)
  return km ? { odometerKm: km } : {}
}

/** The `bookings.checkOut` input of a valid draft. */
export function checkOutInput(bookingId: string, draft: CheckOutDraft): MethodInput<'bookings.checkOut'> {
  const km = wholeNumber(draft.odometerKm)
  return {
    id: bookingId,
    ...(km !== null ? { odometerKm: km } : {}),
    ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
  }
}

/**
 * Backend field issues of `bookings.return` (`items.0.damagedQuantity`, `odometerKm`) → the form's
 * keys (`lines.0.damaged`); others under `form`.
 */
export function returnIssueFields(issues: Readonly<Record<string, string>>): Record<string, string> {
  const mapped: Record<string, string> = {}
  for (const [path, message] of Object.entries(issues)) {
    const item = /^items\.(\d+)\.(returnedQuantity|damagedQuantity)$/.exec(path)
    const key = item
      ? `lines.${item[1]}.${item[2] === 'returnedQuantity' ? 'returned' : 'damaged'}`
      : path === 'odometerKm'
        ? 'odometerKm'
        : 'form'
    mapped[key] ??= message
  }
  return mapped
}
