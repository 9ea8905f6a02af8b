/**
 * Damaged or missing units noted at returns: the table (with « Facturer » per item) and the
 * decision dialog (`costs.confirmDamage`: charge them, or 0 and a reason not to). Display only.
 */
import type { Resource } from '../../../../shared/domain/types'
import { formatInstantFr } from '../../../../shared/time'
import { Field, fieldA11y } from '../../components/Field'
import { Banner } from '../../components/Feedback'
import { Modal } from '../../components/Modal'
import { bookingHash } from '../booking/model'
import type { DamageDraft, DamageRow } from './damages'
import { chargeAmountCents, damageText, waivesCharge } from './damages'
import { formatAmount } from './format'
import { MoneyInput } from './MoneyInput'

interface DamageTableProps {
  readonly rows: readonly DamageRow[]
  readonly resourcesById: ReadonlyMap<string, Resource>
  readonly communeName: (id: string) => string
  /** Hide the booking column (on the booking's own page). */
  readonly showBooking: boolean
  readonly canConfirm: boolean
  readonly onConfirm: (row: DamageRow) => void
}

/** Each damaged or missing item: what was noted at the return, and the charge confirmed or awaited. */
export function DamageTable({
  rows,
  resourcesById,
  communeName,
  showBooking,
  canConfirm,
  onConfirm,
}: DamageTableProps) {
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="damage-list">
        <thead>
          <tr>
            {showBooking ? <th scope="col">Réservation</th> : null}
            <th scope="col">Ressource</th>
            <th scope="col">Au retour</th>
            <th scope="col">Facturation</th>
            {canConfirm ? <th scope="col" className="actions-col" /> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const isStock = resourcesById.get(row.resourceId)?.tracking === 'stock'
            return (
              <tr
                key={`${row.booking.id}-${row.resourceId}`}
                data-testid="damage-row"
                data-reference={row.booking.reference}
                data-state={
                  row.charge === null ? 'pending' : row.charge.decision === 'waive' ? 'waived' : 'confirmed'
                }
              >
                {showBooking ? (
                  <td>
                    <a href={bookingHash(row.booking.id)} className="mono">
                      {row.booking.reference}
                    </a>
                    <div className="cell-sub">
                      {communeName(row.booking.communeId)}
                      {row.booking.returnedAt
                        ? ` · rendue le ${formatInstantFr(Date.parse(row.booking.returnedAt))}`
                        : ''}
                    </div>
                  </td>
                ) : null}
                <td className="cell-name">{row.resourceName}</td>
                <td>{damageText(row, isStock)}</td>
                <td>
                  {row.charge?.decision === 'waive' ? (
                    <>
                      Non facturé
                      <div className="cell-sub">
                        décidé le {formatInstantFr(Date.parse(row.charge.confirmedAt))} · {row.charge.reason}
                      </div>
                    </>
                  ) : row.charge ? (
                    <>
                      {row.charge.quantity} × {formatAmount(row.charge.unitValueCents)} ={' '}
                      <strong>{formatAmount(chargeAmountCents(row.charge))}</strong>
                      <div className="cell-sub">
                        confirmé le {formatInstantFr(Date.parse(row.charge.confirmedAt))}
                        {row.charge.notes ? ` · ${row.charge.notes}` : ''}
                      </div>
                    </>
                  ) : (
                    <span className="badge badge--requested">À confirmer</span>
                  )}
                </td>
                {canConfirm ? (
                  <td className="actions-col">
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Facturer ${row.resourceName} (${row.booking.reference})`}
                      onClick={() => onConfirm(row)}
                    >
                      {row.charge ? 'Modifier' : 'Facturer'}
                    </button>
                  </td>
                ) : null}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

interface DamageDialogProps {
  readonly row: DamageRow
  readonly draft: DamageDraft
  readonly errors: Readonly<Record<string, string>>
  readonly error: string | null
  readonly saving: boolean
  readonly isStock: boolean
  readonly onChange: (patch: Partial<DamageDraft>) => void
  readonly onCancel: () => void
  readonly onSave: () => void
}

/** « Facturer les dégâts — <ressource> »: units charged, value of one unit, remarks. */
export function DamageDialog({
  row,
  draft,
  errors,
  error,
  saving,
  isStock,
  onChange,
  onCancel,
  onSave,
}: DamageDialogProps) {
  return (
    <Modal
      title={`Facturer les dégâts — ${row.resourceName}`}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Annuler
          </button>
          <button type="button" className="button button--primary" disabled={saving} onClick={onSave}>
            {saving
              ? 'Enregistrement…'
              : waivesCharge(draft)
                ? 'Ne pas facturer'
                : 'Confirmer la facturation'}
          </button>
        </>
      }
    >
      <div className="form" data-testid="damage-dialog">
        <p>
          Au retour de <span className="mono">{row.booking.reference}</span> : {damageText(row, isStock)}. La
          ligne figurera, à la valeur de remplacement, sur le relevé de la commune qui couvre le jour de cette
          confirmation, ou sur le suivant s’il est déjà émis.
        </p>
        <div className="form-grid form-grid--2">
          <Field
            id="damage-quantity"
            label="Unités facturées"
            error={errors.quantity}
            hint="0 : ne rien facturer, en disant pourquoi."
          >
            <input
              type="number"
              min={0}
              max={row.chargeable}
              {...fieldA11y('damage-quantity', errors.quantity, 'damage-quantity-hint')}
              value={draft.quantity}
              onChange={(e) => onChange({ quantity: e.target.value })}
            />
          </Field>
          <Field
            id="damage-unitValue"
            label="Valeur de remplacement d’une unité"
            error={errors.unitValueCents}
            hint={
              row.defaultUnitValueCents === null
                ? 'Pas de valeur d’achat sur la fiche : indiquez-la.'
                : `Par défaut, la valeur d’achat par unité : ${formatAmount(row.defaultUnitValueCents)}.`
            }
          >
            <MoneyInput
              id="damage-unitValue"
              value={draft.unitValue}
              onChange={(unitValue) => onChange({ unitValue })}
              error={errors.unitValueCents}
              hintId="damage-unitValue-hint"
            />
          </Field>
        </div>
        <Field
          id="damage-notes"
          label={waivesCharge(draft) ? 'Motif de la non-facturation' : 'Remarques sur les dégâts'}
          error={errors.notes ?? errors.reason}
        >
          <textarea
            rows={2}
            {...fieldA11y('damage-notes', errors.notes ?? errors.reason)}
            value={draft.notes}
            onChange={(e) => onChange({ notes: e.target.value })}
          />
        </Field>
        {error ? <Banner tone="error">{error}</Banner> : null}
      </div>
    </Modal>
  )
}
