import type { Category, Resource, ResourceKind } from '../../../../shared/domain/types'
import { formatLocalDateFr } from '../../../../shared/time'
import { trackingLabel } from '../../lib/labels'

interface ResourceTableProps {
  readonly kind: ResourceKind
  readonly resources: readonly Resource[]
  readonly categoriesById: ReadonlyMap<string, Category>
  readonly onEdit: (resource: Resource) => void
  readonly onArchive: (resource: Resource) => void
}

const dash = '—'
const numberFr = new Intl.NumberFormat('fr-FR')

function buffers(resource: Resource): string {
  const { bufferBeforeMinutes: before, bufferAfterMinutes: after } = resource
  if (before === 0 && after === 0) return dash
  return `${before} / ${after} min`
}

/** The inventory table, with the columns that matter for each kind of resource. */
export function ResourceTable({ kind, resources, categoriesById, onEdit, onArchive }: ResourceTableProps) {
  const category = (r: Resource) => (r.categoryId ? (categoriesById.get(r.categoryId)?.name ?? dash) : dash)
  return (
    <div className="table-wrap">
      <table className="table" data-testid="resource-table">
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Catégorie</th>
            {kind === 'equipment' ? (
              <>
                <th scope="col" className="num">
                  Quantité
                </th>
                <th scope="col">N° d'inventaire</th>
                <th scope="col" title="Préparation avant / retour après chaque prêt">
                  Marges
                </th>
              </>
            ) : null}
            {kind === 'vehicle' ? (
              <>
                <th scope="col">Immatriculation</th>
                <th scope="col">Permis</th>
                <th scope="col" className="num">
                  Compteur
                </th>
                <th scope="col">Prochain contrôle</th>
                <th scope="col" title="Préparation avant / retour après chaque prêt">
                  Marges
                </th>
              </>
            ) : null}
            {kind === 'staff' ? (
              <>
                <th scope="col">Qualifications</th>
                <th scope="col" className="num">
                  Heures / semaine
                </th>
              </>
            ) : null}
            <th scope="col" className="actions-col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {resources.map((r) => (
            <tr key={r.id} className={r.archived ? 'is-archived' : undefined}>
              <th scope="row" className="cell-name">
                {r.name}
                {r.archived ? <span className="badge badge--archived">Archivée</span> : null}
                {r.notes ? <div className="cell-sub">{r.notes}</div> : null}
              </th>
              <td>{category(r)}</td>
              {kind === 'equipment' ? (
                <>
                  <td className="num nowrap">
                    {r.tracking === 'stock' ? numberFr.format(r.quantity) : 1}
                    <div className="cell-sub">{trackingLabel(r.tracking)}</div>
                  </td>
                  <td className="nowrap">
                    <span className="mono">{r.inventoryNumber ?? dash}</span>
                    {r.serialNumber ? <div className="cell-sub mono">S/N {r.serialNumber}</div> : null}
                  </td>
                  <td className="nowrap">{buffers(r)}</td>
                </>
              ) : null}
              {kind === 'vehicle' ? (
                <>
                  <td className="mono nowrap">{r.plate ?? dash}</td>
                  <td className="nowrap">{r.licenceRequired ? `Permis ${r.licenceRequired}` : dash}</td>
                  <td className="num nowrap">
                    {r.odometerKm !== null ? `${numberFr.format(r.odometerKm)} km` : dash}
                  </td>
                  <td className="nowrap">
                    {r.nextInspectionDate ? formatLocalDateFr(r.nextInspectionDate) : dash}
                  </td>
                  <td className="nowrap">{buffers(r)}</td>
                </>
              ) : null}
              {kind === 'staff' ? (
                <>
                  <td>
                    {r.qualifications.length > 0 ? (
                      <ul className="tag-list">
                        {r.qualifications.map((q) => (
                          <li key={q} className="tag">
                            {q}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      dash
                    )}
                  </td>
                  <td className="num nowrap">
                    {r.weeklyHours !== null ? `${numberFr.format(r.weeklyHours)} h` : dash}
                  </td>
                </>
              ) : null}
              <td className="actions-col">
                <div className="row-actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Modifier ${r.name}`}
                    onClick={() => onEdit(r)}
                  >
                    Modifier
                  </button>
                  {!r.archived ? (
                    <button
                      type="button"
                      className="button button--small button--ghost-danger"
                      aria-label={`Archiver ${r.name}`}
                      onClick={() => onArchive(r)}
                    >
                      Archiver
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
