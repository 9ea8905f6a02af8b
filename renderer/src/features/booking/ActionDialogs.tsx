/**
 * The dialog of the lifecycle action under way (refuse, cancel, hand over, take back, cancel a series),
 * open while the actions store holds one. Mounted once by each page that offers the actions.
 */
import { useMemo } from 'react'
import type { Booking, Resource } from '../../../../shared/domain/types'
import { formatInstantFr, formatLocalDateFr } from '../../../../shared/time'
import { DateTextInput } from '../../components/DateTextInput'
import { Banner } from '../../components/Feedback'
import { Field, fieldA11y } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { formatPeriodShort } from '../../lib/dates'
import { byId, useReference } from '../../stores/reference'
import type { ActionDialog } from './actions'
import { useBookingActions } from './actions'
import type { ReturnDraft, ReturnLineDraft } from './handover'
import { bookingVehicle } from './handover'
import { kmText } from './model'

function Summary({ booking, communeName }: { readonly booking: Booking; readonly communeName: string }) {
  return (
    <p className="lc-dialog__summary">
      <span className="mono">{booking.reference}</span> · {communeName} · « {booking.title} » ·{' '}
      <span className="nowrap">{formatPeriodShort(booking)}</span>
    </p>
  )
}

function OdometerField({
  vehicle,
  value,
  error,
  hint,
  onChange,
}: {
  readonly vehicle: Resource
  readonly value: string
  readonly error: string | undefined
  readonly hint: string
  readonly onChange: (value: string) => void
}) {
  return (
    <Field id="lc-odometer" label={`Compteur de ${vehicle.name} (km)`} error={error} hint={hint}>
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="lc-input-big"
        {...fieldA11y('lc-odometer', error, 'lc-odometer-hint')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  )
}

/** A stock line's quantity input in its table cell, labelled for screen readers, with its error. */
function QuantityCell({
  id,
  label,
  max,
  error,
  value,
  onChange,
}: {
  readonly id: string
  readonly label: string
  readonly max: number
  readonly error: string | undefined
  readonly value: string
  readonly onChange: (value: string) => void
}) {
  return (
    <td>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        type="number"
        min={0}
        max={max}
        className="input--qty lc-input-big"
        {...fieldA11y(id, error)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </td>
  )
}

function ReturnLine({
  line,
  index,
  resource,
  errors,
  onChange,
}: {
  readonly line: ReturnLineDraft
  readonly index: number
  readonly resource: Resource | undefined
  readonly errors: Readonly<Record<string, string>>
  readonly onChange: (index: number, patch: Partial<Pick<ReturnLineDraft, 'returned' | 'damaged'>>) => void
}) {
  const name = resource?.name ?? 'Ressource inconnue'
  const returnedError = errors[`lines.${index}.returned`]
  const damagedError = errors[`lines.${index}.damaged`]
  const id = `lc-line-${index}`
  return (
    <tr data-resource-id={line.resourceId}>
      <th scope="row" className="cell-name">
        {name}
      </th>
      <td className="num">{line.quantity}</td>
      {line.isStock ? (
        <>
          <QuantityCell
            id={`${id}-returned`}
            label={`Quantité rendue de ${name}`}
            max={line.quantity}
            error={returnedError}
            value={line.returned}
            onChange={(value) => onChange(index, { returned: value })}
          />
          <QuantityCell
            id={`${id}-damaged`}
            label={`Quantité abîmée de ${name}`}
            max={line.quantity}
            error={damagedError}
            value={line.damaged}
            onChange={(value) => onChange(index, { damaged: value })}
          />
        </>
      ) : (
        <>
          <td>
            <label className="checkbox lc-check">
              <input
                type="checkbox"
                checked={line.returned === '1'}
                onChange={(e) =>
                  onChange(index, e.target.checked ? { returned: '1' } : { returned: '0', damaged: '0' })
                }
              />
              <span>
                Rendu<span className="visually-hidden"> : {name}</span>
              </span>
            </label>
          </td>
          <td>
            <label className="checkbox lc-check">
              <input
                type="checkbox"
                checked={line.damaged === '1'}
                disabled={line.returned !== '1'}
                onChange={(e) => onChange(index, { damaged: e.target.checked ? '1' : '0' })}
              />
              <span>
                Abîmé<span className="visually-hidden"> : {name}</span>
              </span>
            </label>
          </td>
        </>
      )}
    </tr>
  )
}

function ReturnBody({
  booking,
  draft,
  errors,
  resourcesById,
  now,
}: {
  readonly booking: Booking
  readonly draft: ReturnDraft
  readonly errors: Readonly<Record<string, string>>
  readonly resourcesById: ReadonlyMap<string, Resource>
  readonly now: number
}) {
  const setReturn = useBookingActions((s) => s.setReturn)
  const setReturnLine = useBookingActions((s) => s.setReturnLine)
  const vehicle = bookingVehicle(booking, resourcesById)
  const early = Date.parse(booking.end) > now
  return (
    <>
      {early ? (
        <Banner tone="info">
          Retour anticipé : la réservation court jusqu’au{' '}
          {booking.allDay && booking.endDate
            ? `${formatLocalDateFr(booking.endDate)} inclus`
            : formatInstantFr(Date.parse(booking.end))}
          . La réception la clôt maintenant et libère le matériel pour d’autres demandes.
        </Banner>
      ) : null}
      <div className="table-wrap">
        <table className="table table--compact lc-return-table" data-testid="return-lines">
          <thead>
            <tr>
              <th scope="col">Ressource</th>
              <th scope="col" className="num">
                Sortie
              </th>
              <th scope="col">Rendue(s)</th>
              <th scope="col">dont abîmée(s)</th>
            </tr>
          </thead>
          <tbody>
            {draft.lines.map((line, index) => (
              <ReturnLine
                key={line.resourceId}
                line={line}
                index={index}
                resource={resourcesById.get(line.resourceId)}
                errors={errors}
                onChange={setReturnLine}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="field__hint">
        Ce qui est abîmé est mis en réparation : il n’est plus prêté jusqu’à sa remise en service (fiche de la
        ressource).
      </p>
      {vehicle ? (
        <OdometerField
          vehicle={vehicle}
          value={draft.odometerKm}
          error={errors.odometerKm}
          hint={
            booking.checkOut?.odometerKm != null
              ? `À la sortie : ${kmText(booking.checkOut.odometerKm)}.`
              : 'Relevez le compteur au retour.'
          }
          onChange={(odometerKm) => setReturn({ odometerKm })}
        />
      ) : null}
      <Field id="lc-notes" label="Remarques au retour" error={errors.notes}>
        <textarea
          rows={3}
          {...fieldA11y('lc-notes', errors.notes)}
          placeholder="État, nettoyage, pièce manquante…"
          value={draft.notes}
          onChange={(e) => setReturn({ notes: e.target.value })}
        />
      </Field>
    </>
  )
}

const titles: Readonly<Record<ActionDialog['kind'], (ref: string) => string>> = {
  reject: (ref) => `Refuser la demande ${ref}`,
  cancel: (ref) => `Annuler la réservation ${ref} ?`,
  checkOut: (ref) => `Remettre ${ref}`,
  return: (ref) => `Réceptionner ${ref}`,
  cancelSeries: (ref) => `Annuler la série de ${ref}`,
}

const confirmLabels: Readonly<Record<ActionDialog['kind'], [string, string]>> = {
  reject: ['Refuser la demande', 'Envoi…'],
  cancel: ['Oui, annuler la réservation', 'Annulation…'],
  checkOut: ['Confirmer la remise', 'Enregistrement…'],
  return: ['Confirmer le retour', 'Enregistrement…'],
  cancelSeries: ['Annuler ces réservations', 'Annulation…'],
}

/** The open lifecycle dialog, if any. */
export function ActionDialogs() {
  const a = useBookingActions()
  const resources = useReference((s) => s.resources)
  const communes = useReference((s) => s.communes)
  const resourcesById = useMemo(() => byId(resources), [resources])
  const communesById = useMemo(() => byId(communes), [communes])
  const dialog = a.dialog
  if (!dialog) return null
  const booking = dialog.booking
  const communeName = communesById.get(booking.communeId)?.name ?? 'Commune inconnue'
  const [confirmText, busyText] = confirmLabels[dialog.kind]
  const vehicle = dialog.kind === 'checkOut' ? bookingVehicle(booking, resourcesById) : null
  return (
    <Modal
      title={titles[dialog.kind](booking.reference)}
      onClose={a.close}
      size={dialog.kind === 'return' ? 'large' : 'small'}
      footer={
        <>
          <button type="button" className="button" onClick={a.close}>
            {dialog.kind === 'cancel' ? 'Garder la réservation' : 'Fermer'}
          </button>
          <button
            type="button"
            className={`button ${dialog.kind === 'reject' || dialog.kind === 'cancel' || dialog.kind === 'cancelSeries' ? 'button--danger' : 'button--primary'}`}
            disabled={a.busy}
            onClick={() => void a.confirm()}
          >
            {a.busy ? busyText : confirmText}
          </button>
        </>
      }
    >
      <Summary booking={booking} communeName={communeName} />
      {dialog.kind === 'reject' ? (
        <Field id="lc-reason" label="Motif du refus" error={a.errors.reason} required>
          <textarea
            rows={3}
            {...fieldA11y('lc-reason', a.errors.reason)}
            placeholder="ex. matériel déjà prêté ce week-end, demande arrivée trop tard"
            value={dialog.reason}
            onChange={(e) => a.setReason(e.target.value)}
          />
        </Field>
      ) : null}
      {dialog.kind === 'cancel' ? (
        <Field id="lc-reason" label="Motif (facultatif)" error={a.errors.reason}>
          <textarea
            rows={3}
            {...fieldA11y('lc-reason', a.errors.reason)}
            placeholder="ex. manifestation reportée"
            value={dialog.reason}
            onChange={(e) => a.setReason(e.target.value)}
          />
        </Field>
      ) : null}
      {dialog.kind === 'checkOut' ? (
        <>
          {vehicle ? (
            <OdometerField
              vehicle={vehicle}
              value={dialog.draft.odometerKm}
              error={a.errors.odometerKm}
              hint={
                vehicle.odometerKm !== null
                  ? `Dernier relevé connu : ${kmText(vehicle.odometerKm)}.`
                  : 'Relevez le compteur avant le départ.'
              }
              onChange={(odometerKm) => a.setCheckOut({ odometerKm })}
            />
          ) : null}
          <Field id="lc-notes" label="Remarques à la sortie" error={a.errors.notes}>
            <textarea
              rows={3}
              {...fieldA11y('lc-notes', a.errors.notes)}
              placeholder="État au départ, accessoires remis…"
              value={dialog.draft.notes}
              onChange={(e) => a.setCheckOut({ notes: e.target.value })}
            />
          </Field>
        </>
      ) : null}
      {dialog.kind === 'return' ? (
        <ReturnBody
          booking={booking}
          draft={dialog.draft}
          errors={a.errors}
          resourcesById={resourcesById}
          now={dialog.openedAt}
        />
      ) : null}
      {dialog.kind === 'cancelSeries' ? (
        <>
          <Field id="lc-series-from" label="À partir du" error={a.errors.from} required>
            <DateTextInput
              id="lc-series-from"
              value={dialog.from}
              onChange={a.setSeriesFrom}
              invalid={Boolean(a.errors.from)}
              describedBy={a.errors.from ? 'lc-series-from-error' : undefined}
            />
          </Field>
          <p className="field__hint">
            Les réservations de la série qui commencent ce jour-là ou après sont annulées ; les précédentes
            restent telles quelles.
          </p>
          <Field id="lc-reason" label="Motif (facultatif)" error={a.errors.reason}>
            <textarea
              rows={2}
              {...fieldA11y('lc-reason', a.errors.reason)}
              value={dialog.reason}
              onChange={(e) => a.setReason(e.target.value)}
            />
          </Field>
        </>
      ) : null}
      {a.error ? <Banner tone="error">{a.error}</Banner> : null}
    </Modal>
  )
}
