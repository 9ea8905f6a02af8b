/**
 * Details of a booking opened from the board (click on a bar, Enter on a cell), with its links:
 * see it in the commune calendar, change its dates (the keyboard's way to move a booking), or, when
 * a cell holds several bookings, the list to choose from. Display only: callbacks out.
 */
import { useState } from 'react'
import type { Booking, Commune, Resource } from '../../../../shared/domain/types'
import { cancellableStatuses } from '../../../../shared/domain/types'
import { PeriodInput } from '../../components/PeriodInput'
import { Modal } from '../../components/Modal'
import { StatusBadge } from '../../components/StatusBadge'
import { formatPeriodShort } from '../../lib/dates'
import type { PeriodValue } from '../../lib/period'
import { formatDateText, periodFieldErrors, periodToApi } from '../../lib/period'
import { instantToLocalDate, instantToLocalTime } from '../../../../shared/time'
import { bookingHash } from '../booking/model'
import type { CommuneColor } from './model'

interface BookingDialogProps {
  readonly bookings: readonly Booking[]
  /** What the list is about when several bookings are offered (`Chaises pliantes, lundi 14 juin 2027`). */
  readonly context: string
  readonly communesById: ReadonlyMap<string, Commune>
  readonly resourcesById: ReadonlyMap<string, Resource>
  readonly colors: ReadonlyMap<string, CommuneColor>
  readonly onClose: () => void
  readonly onShowInCalendar: (booking: Booking) => void
  readonly onReschedule: (booking: Booking, input: { start: string; end: string }) => Promise<boolean>
}

function periodValueOf(booking: Booking): PeriodValue {
  if (booking.allDay && booking.startDate && booking.endDate) {
    return {
      mode: 'days',
      firstDay: formatDateText(booking.startDate),
      lastDay: formatDateText(booking.endDate),
      start: '',
      end: '',
    }
  }
  const at = (iso: string) => {
    const ms = Date.parse(iso)
    return `${formatDateText(instantToLocalDate(ms))} ${instantToLocalTime(ms)}`
  }
  return { mode: 'timed', firstDay: '', lastDay: '', start: at(booking.start), end: at(booking.end) }
}

export function BookingDialog(props: BookingDialogProps) {
  const { bookings, communesById, resourcesById, colors } = props
  const [chosenId, setChosenId] = useState<string | null>(
    bookings.length === 1 ? (bookings[0]?.id ?? null) : null,
  )
  const [editing, setEditing] = useState<PeriodValue | null>(null)
  const [saving, setSaving] = useState(false)
  const [tried, setTried] = useState(false)
  const booking = bookings.find((b) => b.id === chosenId) ?? null

  if (!booking) {
    return (
      <Modal title={`Réservations — ${props.context}`} onClose={props.onClose}>
        <ul className="planning-choice" data-testid="planning-choice">
          {bookings.map((b) => (
            <li key={b.id}>
              <button type="button" className="planning-choice__item" onClick={() => setChosenId(b.id)}>
                <span
                  className="planning-swatch"
                  style={{ background: colors.get(b.communeId)?.fill ?? '#4477AA' }}
                  aria-hidden="true"
                />
                <span className="mono">{b.reference}</span> · {communesById.get(b.communeId)?.name ?? '—'} ·{' '}
                {b.title}
              </button>
            </li>
          ))}
        </ul>
      </Modal>
    )
  }

  const movable = cancellableStatuses.includes(booking.status)
  const errors = editing && tried ? periodFieldErrors(editing) : {}
  const save = async () => {
    if (!editing) return
    setTried(true)
    const input = periodToApi(editing)
    if (!input) return
    setSaving(true)
    const stored = await props.onReschedule(booking, input)
    setSaving(false)
    if (stored) {
      setEditing(null)
      setTried(false)
    }
  }
  const color = colors.get(booking.communeId)

  return (
    <Modal
      title={`Réservation ${booking.reference}`}
      onClose={props.onClose}
      footer={
        editing ? (
          <>
            <button type="button" className="button" onClick={() => setEditing(null)} disabled={saving}>
              Annuler
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void save()}
              disabled={saving}
            >
              {saving ? 'Enregistrement…' : 'Enregistrer les dates'}
            </button>
          </>
        ) : (
          <>
            <a className="button" href={bookingHash(booking.id)}>
              Ouvrir la réservation
            </a>
            <button type="button" className="button" onClick={() => props.onShowInCalendar(booking)}>
              Voir dans le calendrier
            </button>
            {movable ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => setEditing(periodValueOf(booking))}
              >
                Modifier
              </button>
            ) : null}
          </>
        )
      }
    >
      <dl className="details" data-testid="planning-booking-details" data-reference={booking.reference}>
        <dt>Référence</dt>
        <dd className="mono">{booking.reference}</dd>
        <dt>Statut</dt>
        <dd>
          <StatusBadge status={booking.status} />
        </dd>
        <dt>Commune</dt>
        <dd>
          <span
            className="planning-swatch"
            style={{ background: color?.fill ?? '#4477AA' }}
            aria-hidden="true"
          />{' '}
          {communesById.get(booking.communeId)?.name ?? '—'}
        </dd>
        <dt>Objet</dt>
        <dd>{booking.title}</dd>
        <dt>Période</dt>
        <dd>{formatPeriodShort(booking)}</dd>
        <dt>Ressources</dt>
        <dd>
          <ul className="plain-list">
            {booking.items.map((item) => {
              const resource = resourcesById.get(item.resourceId)
              return (
                <li key={item.resourceId}>
                  {resource?.name ?? 'Ressource inconnue'}
                  {resource?.tracking === 'stock' ? ` × ${item.quantity}` : ''}
                </li>
              )
            })}
          </ul>
        </dd>
        {booking.notes ? (
          <>
            <dt>Notes</dt>
            <dd className="pre-line">{booking.notes}</dd>
          </>
        ) : null}
      </dl>
      {editing ? (
        <div className="planning-edit">
          <PeriodInput
            idPrefix="planning-edit"
            value={editing}
            onChange={setEditing}
            errors={errors}
            legend="Nouvelle période"
          />
          <p className="planning-edit__hint">
            Toutes les ressources de la réservation sont déplacées ensemble. Le pôle technique vérifie la
            disponibilité à l’enregistrement.
          </p>
        </div>
      ) : null}
    </Modal>
  )
}
