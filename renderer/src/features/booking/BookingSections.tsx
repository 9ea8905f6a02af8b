/**
 * The sections of a booking's page: its items (with what came back), the hand-over and return
 * records, the commune's operator, and the delivery with its logistics tasks. Display only.
 */
import type { LogisticsTask } from '../../../../shared/domain/lifecycle'
import type { Booking, HandOver, Resource } from '../../../../shared/domain/types'
import { formatInstantFr, formatLocalDateFr, instantToLocalDate } from '../../../../shared/time'
import { kindLabel } from '../../lib/labels'
import { detailHash } from '../inventory/model'
import { taskKindLabel, taskTime } from '../depot/model'
import { kmText, returnedText } from './model'

const numberFr = new Intl.NumberFormat('fr-FR')

/** The items: resource (link to its page), kind, quantity, and once returned what came back. */
export function ItemsTable({
  booking,
  resourcesById,
}: {
  readonly booking: Booking
  readonly resourcesById: ReadonlyMap<string, Resource>
}) {
  const returned = new Map(booking.return?.items.map((i) => [i.resourceId, i]) ?? [])
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="booking-items">
        <thead>
          <tr>
            <th scope="col">Ressource</th>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Quantité
            </th>
            {booking.return ? <th scope="col">Au retour</th> : null}
          </tr>
        </thead>
        <tbody>
          {booking.items.map((item) => {
            const resource = resourcesById.get(item.resourceId)
            const back = returned.get(item.resourceId)
            const text = returnedText(item, back, resource?.tracking === 'stock')
            return (
              <tr key={item.resourceId} data-resource-id={item.resourceId}>
                <th scope="row" className="cell-name">
                  {resource ? <a href={detailHash(resource.id)}>{resource.name}</a> : 'Ressource inconnue'}
                  {resource?.requiredQualification ? (
                    <div className="cell-sub">Opérateur : {resource.requiredQualification}</div>
                  ) : null}
                </th>
                <td>{resource ? kindLabel(resource.kind) : '—'}</td>
                <td className="num">{numberFr.format(item.quantity)}</td>
                {booking.return ? (
                  <td
                    className={
                      back && (back.damagedQuantity > 0 || back.returnedQuantity < item.quantity)
                        ? 'lc-damaged'
                        : undefined
                    }
                  >
                    {text ?? '—'}
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

/** A hand-over or return record: when, who, odometer, notes. */
export function HandOverRecord({
  title,
  record,
  testId,
  emptyText,
}: {
  readonly title: string
  readonly record: HandOver | null
  readonly testId: string
  readonly emptyText: string
}) {
  return (
    <section className="lc-record" data-testid={testId} data-recorded={record ? 'true' : 'false'}>
      <h3 className="rd-subtitle">{title}</h3>
      {record ? (
        <dl className="details">
          <dt>Le</dt>
          <dd>{formatInstantFr(Date.parse(record.at))}</dd>
          <dt>Par</dt>
          <dd>{record.by.trim() || 'Inconnu'}</dd>
          {record.odometerKm !== null ? (
            <>
              <dt>Compteur</dt>
              <dd>{kmText(record.odometerKm)}</dd>
            </>
          ) : null}
          {record.notes ? (
            <>
              <dt>Remarques</dt>
              <dd className="pre-line">{record.notes}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="rd-muted">{emptyText}</p>
      )}
    </section>
  )
}

/** Delivery and pick-up: vehicle, agents, address and the two tasks with their times. */
export function DeliverySection({
  booking,
  tasks,
  resourcesById,
}: {
  readonly booking: Booking
  readonly tasks: readonly LogisticsTask[]
  readonly resourcesById: ReadonlyMap<string, Resource>
}) {
  const delivery = booking.delivery
  if (!delivery && tasks.length === 0) return <p className="rd-muted">Retrait et retour par la commune.</p>
  const name = (id: string) => resourcesById.get(id)?.name ?? 'Ressource inconnue'
  return (
    <>
      {delivery ? (
        <dl className="details">
          <dt>Véhicule</dt>
          <dd>{name(delivery.vehicleId)}</dd>
          <dt>Agents</dt>
          <dd>{delivery.agentIds.map(name).join(', ')}</dd>
          <dt>Trajet</dt>
          <dd>{delivery.minutes} min à chaque fois</dd>
          {delivery.address ? (
            <>
              <dt>Adresse</dt>
              <dd className="pre-line">{delivery.address}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {tasks.length > 0 ? (
        <ul className="lc-tasks" data-testid="booking-logistics">
          {[...tasks]
            .sort((a, b) => a.start.localeCompare(b.start))
            .map((task) => (
              <li key={task.id} className={`lc-task lc-task--${task.kind}`} data-kind={task.kind}>
                <span className="lc-task__kind">{taskKindLabel(task.kind)}</span>
                <span className="nowrap">
                  {formatLocalDateFr(instantToLocalDate(Date.parse(task.start)))} {taskTime(task)}
                </span>
                <span>{task.resourceIds.map(name).join(', ')}</span>
              </li>
            ))}
        </ul>
      ) : null}
    </>
  )
}
