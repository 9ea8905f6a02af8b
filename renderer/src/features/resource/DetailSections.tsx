import type { ReactNode } from 'react'
import type { Booking, Category, Commune, Resource, Unavailability } from '../../../../shared/domain/types'
import { formatInstantFr, formatLocalDateFr } from '../../../../shared/time'
import { StatusBadge } from '../../components/StatusBadge'
import { formatPeriodShort } from '../../lib/dates'
import { conditionLabel, unavailabilityKindLabel } from '../../lib/labels'
import {
  categoryPath,
  expiryText,
  formatMoney,
  inspectionName,
  inspectionState,
  inspectionText,
  lendableQuantity,
  meterText,
  qualificationState,
} from '../inventory/model'
import type { JournalLine } from './model'
import { bookingQuantity } from './model'

const dash = '—'
const numberFr = new Intl.NumberFormat('fr-FR')

/** The état of a unit item as a coloured badge. */
export function ConditionBadge({ condition }: { readonly condition: Resource['condition'] }) {
  if (!condition) return null
  return (
    <span className={`rd-badge inv-condition inv-condition--${condition}`} data-testid="condition-badge">
      {conditionLabel(condition)}
    </span>
  )
}

function Item({
  label,
  children,
  wide,
}: {
  readonly label: string
  readonly children: ReactNode
  readonly wide?: boolean
}) {
  return (
    <div className={`rd-attr${wide ? ' rd-attr--wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** The key attributes of a resource, those of its kind. Display only. */
export function ResourceAttributes({
  resource,
  categoriesById,
  communesById,
  today,
}: {
  readonly resource: Resource
  readonly categoriesById: ReadonlyMap<string, Category>
  readonly communesById: ReadonlyMap<string, Commune>
  readonly today: string
}) {
  const r = resource
  const isStock = r.tracking === 'stock'
  const purchase = (
    <>
      <Item label="Date d’achat">{r.purchaseDate ? formatLocalDateFr(r.purchaseDate) : dash}</Item>
      <Item label="Valeur d’achat">{formatMoney(r.purchaseValueCents)}</Item>
    </>
  )
  const buffers =
    r.bufferBeforeMinutes === 0 && r.bufferAfterMinutes === 0
      ? 'Aucune'
      : `${r.bufferBeforeMinutes} min avant, ${r.bufferAfterMinutes} min après`
  const inspection = inspectionState(r.nextInspectionDate, today).state
  return (
    <dl className="rd-attrs" data-testid="resource-attributes">
      <Item label="Catégorie">{categoryPath(categoriesById, r.categoryId) ?? dash}</Item>
      {r.kind === 'equipment' ? (
        <Item label="N° d’inventaire">
          <span className="mono rd-strong">{r.inventoryNumber ?? dash}</span>
        </Item>
      ) : null}
      {r.kind === 'equipment' && !isStock ? <Item label="N° de série">{r.serialNumber ?? dash}</Item> : null}
      {isStock ? (
        <>
          <Item label="Quantité totale">{numberFr.format(r.quantity)}</Item>
          <Item label="Hors service">{numberFr.format(r.outOfServiceQuantity)}</Item>
          <Item label="Prêtables">
            <strong>{numberFr.format(lendableQuantity(r.quantity, r.outOfServiceQuantity))}</strong>
            <span className="rd-muted"> = total − hors service</span>
          </Item>
        </>
      ) : null}
      {r.kind === 'vehicle' ? (
        <>
          <Item label="Immatriculation">
            <span className="mono rd-strong">{r.plate ?? dash}</span>
          </Item>
          <Item label="Permis requis">{r.licenceRequired ? `Permis ${r.licenceRequired}` : dash}</Item>
          <Item label={r.hourMeterHours !== null && r.odometerKm === null ? 'Compteur horaire' : 'Compteur'}>
            {meterText(r) ?? dash}
          </Item>
          <Item label="N° d’inventaire">{r.inventoryNumber ?? dash}</Item>
        </>
      ) : null}
      {r.kind !== 'staff' && !isStock ? (
        <Item label={inspectionName(r.kind)}>
          <span className={`inv-inspection inv-inspection--${inspection}`} data-testid="inspection-date">
            {r.nextInspectionDate ? formatLocalDateFr(r.nextInspectionDate) : 'Non soumis'}
          </span>
        </Item>
      ) : null}
      {r.kind === 'staff' ? (
        <>
          <Item label="Commune de rattachement">
            {r.homeCommuneId ? (communesById.get(r.homeCommuneId)?.name ?? dash) : dash}
          </Item>
          <Item label="Heures par semaine">
            {r.weeklyHours !== null ? `${numberFr.format(r.weeklyHours)} h` : dash}
          </Item>
        </>
      ) : null}
      {r.kind !== 'staff' ? purchase : null}
      <Item label="Tarif journalier">{formatMoney(r.dailyRateCents)}</Item>
      <Item label="Marges">{buffers}</Item>
      <Item label="Validation du pôle">
        <span data-testid="requires-approval">
          {r.requiresApproval ? 'Oui : chaque demande est à accepter' : 'Non'}
        </span>
      </Item>
      {r.kind !== 'staff' ? (
        <Item label="Opérateur qualifié">
          <span data-testid="required-qualification">{r.requiredQualification ?? 'Non requis'}</span>
        </Item>
      ) : null}
      {r.kind === 'staff' ? (
        <Item label="Qualifications" wide>
          {r.qualifications.length === 0 ? (
            dash
          ) : (
            <ul className="rd-quals" data-testid="qualifications">
              {r.qualifications.map((q, i) => {
                const state = qualificationState(q.expiresOn, today).state
                return (
                  <li key={`${q.name}-${i}`} className={`rd-qual rd-qual--${state}`} data-state={state}>
                    <span className="rd-qual__name">{q.name}</span>
                    <span className="rd-qual__expiry">{expiryText(q.expiresOn, today)}</span>
                  </li>
                )
              })}
            </ul>
          )}
        </Item>
      ) : null}
      {r.notes ? (
        <Item label="Notes" wide>
          <span className="pre-line">{r.notes}</span>
        </Item>
      ) : null}
    </dl>
  )
}

/** The warning strip of an inspection past or within 30 days; nothing otherwise. */
export function InspectionAlert({
  resource,
  today,
}: {
  readonly resource: Resource
  readonly today: string
}) {
  const { state } = inspectionState(resource.nextInspectionDate, today)
  if (state !== 'overdue' && state !== 'soon') return null
  return (
    <div
      className={`rd-inspection-alert rd-inspection-alert--${state}`}
      role={state === 'overdue' ? 'alert' : 'status'}
      data-testid="inspection-alert"
      data-state={state}
    >
      <strong>{inspectionName(resource.kind)} :</strong> {inspectionText(resource.nextInspectionDate, today)}.
    </div>
  )
}

/** Bookings of the resource: reference (opens the calendar), commune, objet, période, quantité, statut. */
export function BookingTable({
  bookings,
  resourceId,
  communesById,
  testId,
  onOpen,
}: {
  readonly bookings: readonly Booking[]
  readonly resourceId: string
  readonly communesById: ReadonlyMap<string, Commune>
  readonly testId: string
  readonly onOpen: (booking: Booking) => void
}) {
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Référence</th>
            <th scope="col">Commune</th>
            <th scope="col">Objet</th>
            <th scope="col">Période</th>
            <th scope="col" className="num">
              Quantité
            </th>
            <th scope="col">Statut</th>
          </tr>
        </thead>
        <tbody>
          {bookings.map((b) => (
            <tr key={b.id} data-reference={b.reference}>
              <td className="nowrap">
                <button
                  type="button"
                  className="link-button mono"
                  title="Voir dans le calendrier"
                  onClick={() => onOpen(b)}
                >
                  {b.reference}
                </button>
              </td>
              <td>{communesById.get(b.communeId)?.name ?? dash}</td>
              <td>{b.title}</td>
              <td className="nowrap">{formatPeriodShort(b)}</td>
              <td className="num">{numberFr.format(bookingQuantity(b, resourceId))}</td>
              <td>
                <StatusBadge status={b.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Unavailabilities of the resource with a delete button each. */
export function UnavailabilityTable({
  unavailabilities,
  isStock,
  onDelete,
  onRestore = null,
}: {
  readonly unavailabilities: readonly Unavailability[]
  readonly isStock: boolean
  /** Null when the person's role may not change the inventory: no delete button. */
  readonly onDelete: ((unavailability: Unavailability) => void) | null
  /** Ends a repair « jusqu’à remise en service »; null when the role may not. */
  readonly onRestore?: ((unavailability: Unavailability) => void) | null
}) {
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="unavailability-list">
        <thead>
          <tr>
            <th scope="col">Motif</th>
            <th scope="col">Raison</th>
            <th scope="col">Période</th>
            {isStock ? (
              <th scope="col" className="num">
                Retirées
              </th>
            ) : null}
            <th scope="col" className="actions-col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {unavailabilities.map((u) => {
            // A repair until restored has no real end: it is « depuis le … ».
            const period = u.untilRestored
              ? `depuis le ${formatInstantFr(Date.parse(u.start))}`
              : formatPeriodShort(u)
            return (
              <tr key={u.id} data-unavailability-id={u.id}>
                <td className="nowrap">
                  <span className={`rd-kind rd-kind--${u.kind}`}>{unavailabilityKindLabel(u.kind)}</span>
                </td>
                <td>{u.reason}</td>
                <td className="nowrap">{period}</td>
                {isStock ? <td className="num">{numberFr.format(u.quantity)}</td> : null}
                <td className="actions-col">
                  {u.untilRestored && onRestore ? (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Remettre en service : ${u.reason}`}
                      onClick={() => onRestore(u)}
                    >
                      Remettre en service
                    </button>
                  ) : null}
                  {onDelete ? (
                    <button
                      type="button"
                      className="button button--small button--ghost-danger"
                      aria-label={`Supprimer l’indisponibilité du ${period}`}
                      onClick={() => onDelete(u)}
                    >
                      Supprimer
                    </button>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The journal: when, who, what, and each changed field before → after. */
export function JournalList({ lines }: { readonly lines: readonly JournalLine[] }) {
  return (
    <ol className="rd-journal" data-testid="journal">
      {lines.map((line) => (
        <li key={line.id} className="rd-journal__entry">
          <div className="rd-journal__head">
            <span className="rd-journal__action">
              {line.action}
              {line.subject ? <span className="rd-journal__subject"> · {line.subject}</span> : null}
            </span>
            <span className="rd-journal__meta">
              {line.when} · {line.actor}
            </span>
          </div>
          {line.changes.length > 0 ? (
            <table className="rd-journal__changes">
              <tbody>
                {line.changes.map((c) => (
                  <tr key={c.field || c.label}>
                    <th scope="row">{c.label}</th>
                    <td>
                      <span className="rd-journal__before">{c.before}</span>
                      <span className="rd-journal__arrow" aria-label="devient">
                        {' → '}
                      </span>
                      <span className="rd-journal__after">{c.after}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
