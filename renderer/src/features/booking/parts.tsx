/**
 * Small pieces the lifecycle pages share: the status badge (with « En retard »), the buttons of the
 * actions a booking allows, and the message after an action.
 */
import type { Booking } from '../../../../shared/domain/types'
import { Banner } from '../../components/Feedback'
import { useMayActOnBooking } from '../accounts/session'
import type { ActionNotice } from './actions'
import { useBookingActions } from './actions'
import type { BookingAction } from './model'
import { actionLabel, allowedActions, displayStatus, displayStatusLabel } from './model'

/** A booking's status in French, `En retard` in red for a loan not back by its end. */
export function LifecycleBadge({ booking }: { readonly booking: Pick<Booking, 'status' | 'late'> }) {
  const status = displayStatus(booking)
  return (
    <span className={`badge badge--${status}`} data-testid="booking-status" data-status={status}>
      {displayStatusLabel(status)}
    </span>
  )
}

/** The message after an action (success, or the refusal with its conflicts). Reads the actions store. */
export function ActionNoticeBanner() {
  const notice: ActionNotice | null = useBookingActions((s) => s.notice)
  const dismiss = useBookingActions((s) => s.dismissNotice)
  if (!notice) return null
  return (
    <div data-testid="action-notice" data-tone={notice.tone}>
      <Banner tone={notice.tone} onDismiss={dismiss}>
        <p>{notice.text}</p>
        {notice.lines.length > 0 ? (
          <ul>
            {notice.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </Banner>
    </div>
  )
}

const primary: ReadonlySet<BookingAction> = new Set(['approve', 'checkOut', 'return'])
const danger: ReadonlySet<BookingAction> = new Set(['reject', 'cancel', 'cancelSeries'])

/**
 * The buttons of the actions a booking allows (or of `only` among them), each named
 * `<Action> <reference>` for assistive technologies (`Accepter RES-2027-0042`). Reads the actions store.
 */
export function ActionButtons({
  booking,
  only,
  big = false,
}: {
  readonly booking: Booking
  readonly only?: readonly BookingAction[]
  readonly big?: boolean
}) {
  const a = useBookingActions()
  const mayAct = useMayActOnBooking()
  const actions = allowedActions(booking).filter(
    (action) => (!only || only.includes(action)) && mayAct(booking, action),
  )
  const run = (action: BookingAction) => {
    switch (action) {
      case 'approve':
        return void a.approve(booking)
      case 'reject':
        return a.openReject(booking)
      case 'checkOut':
        return a.openCheckOut(booking)
      case 'return':
        return a.openReturn(booking)
      case 'cancel':
        return a.openCancel(booking)
      case 'checkoutSlip':
        return void a.downloadSlip(booking, 'checkout')
      case 'returnSlip':
        return void a.downloadSlip(booking, 'return')
      case 'cancelSeries':
        return a.openCancelSeries(booking)
    }
  }
  const busy = (action: BookingAction) =>
    (action === 'approve' && a.working.has(booking.id)) ||
    (action === 'checkoutSlip' && a.working.has(`${booking.id}:checkout`)) ||
    (action === 'returnSlip' && a.working.has(`${booking.id}:return`))
  return (
    <div className={`lc-actions${big ? ' lc-actions--big' : ''}`}>
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={`button${primary.has(action) ? ' button--primary' : danger.has(action) ? ' button--ghost-danger' : ''}`}
          aria-label={`${actionLabel(action)} ${booking.reference}`}
          disabled={busy(action)}
          onClick={() => run(action)}
        >
          {busy(action) ? 'Patientez…' : actionLabel(action)}
        </button>
      ))}
    </div>
  )
}
