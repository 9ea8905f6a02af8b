import type { Category, Commune, Resource, ResourceKind } from '../../../../shared/domain/types'
import { formatLocalDateFr } from '../../../../shared/time'
import { conditionLabel, trackingLabel } from '../../lib/labels'
import { categoryPath, detailHash, expiryText, inspectionState, meterText, qualificationState } from './model'

interface ResourceTableProps {
  readonly kind: ResourceKind
  readonly resources: readonly Resource[]
  readonly categoriesById: ReadonlyMap<string, Category>
  readonly communesById: ReadonlyMap<string, Commune>
  /** Today in Europe/Paris, `YYYY-MM-DD` (inspection and qualification states). */
  readonly today: string
  readonly selectedIds: readonly string[]
  readonly onSelect: (id: string, selected: boolean) => void
  readonly onSelectAll: (ids: readonly string[], selected: boolean) => void
  /** Null when the person's role may not change the inventory: the row actions are hidden. */
  readonly onEdit: ((resource: Resource) => void) | null
  readonly onArchive: ((resource: Resource) => void) | null
}

const dash = '—'
const numberFr = new Intl.NumberFormat('fr-FR')

/** A next-inspection date coloured by how close it is (red when past, orange within 30 days). */
function InspectionCell({ date, today }: { readonly date: string | null; readonly today: string }) {
  if (!date) return <td className="nowrap">{dash}</td>
  const { state } = inspectionState(date, today)
  return (
    <td className={`nowrap inv-inspection inv-inspection--${state}`}>
      {formatLocalDateFr(date)}
      {state === 'overdue' ? <div className="cell-sub">dépassée</div> : null}
      {state === 'soon' ? <div className="cell-sub">bientôt</div> : null}
    </td>
  )
}

/** A category on two lines: the parent small (`Manifestations ›`), then the sub-category. */
function CategoryCell({
  categoriesById,
  categoryId,
}: {
  readonly categoriesById: ReadonlyMap<string, Category>
  readonly categoryId: string | null
}) {
  const category = categoryId ? categoriesById.get(categoryId) : undefined
  if (!category) return <td>{dash}</td>
  const parent = category.parentId ? categoriesById.get(category.parentId) : undefined
  return (
    <td className="inv-category" title={categoryPath(categoriesById, categoryId) ?? undefined}>
      {parent ? <div className="cell-sub">{parent.name} ›</div> : null}
      {category.name}
    </td>
  )
}

/** The inventory table, with the columns that matter for each kind of resource. Display only. */
export function ResourceTable({
  kind,
  resources,
  categoriesById,
  communesById,
  today,
  selectedIds,
  onSelect,
  onSelectAll,
  onEdit,
  onArchive,
}: ResourceTableProps) {
  const selected = new Set(selectedIds)
  const allSelected = resources.length > 0 && resources.every((r) => selected.has(r.id))
  const someSelected = resources.some((r) => selected.has(r.id))
  return (
    <div className="table-wrap">
      <table className="table" data-testid="resource-table">
        <thead>
          <tr>
            <th scope="col" className="inv-check">
              <input
                type="checkbox"
                aria-label="Tout sélectionner"
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = someSelected && !allSelected
                }}
                onChange={(e) =>
                  onSelectAll(
                    resources.map((r) => r.id),
                    e.target.checked,
                  )
                }
              />
            </th>
            <th scope="col">Nom</th>
            <th scope="col">Catégorie</th>
            {kind === 'equipment' ? (
              <>
                <th scope="col" className="num">
                  Quantité
                </th>
                <th scope="col">N° d'inventaire</th>
                <th scope="col" title="État, et prochaine vérification périodique (VGP) s’il y en a une">
                  État
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
              </>
            ) : null}
            {kind === 'staff' ? (
              <>
                <th scope="col">Commune</th>
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
            <tr
              key={r.id}
              className={[r.archived ? 'is-archived' : '', selected.has(r.id) ? 'is-selected' : '']
                .filter(Boolean)
                .join(' ')}
              data-resource-id={r.id}
            >
              <td className="inv-check">
                <input
                  type="checkbox"
                  aria-label={`Sélectionner ${r.name}`}
                  checked={selected.has(r.id)}
                  onChange={(e) => onSelect(r.id, e.target.checked)}
                />
              </td>
              <th scope="row" className="cell-name">
                <a className="inv-name-link" href={detailHash(r.id)}>
                  {r.name}
                </a>
                {r.archived ? <span className="badge badge--archived">Archivée</span> : null}
                {r.notes ? <div className="cell-sub inv-notes">{r.notes}</div> : null}
              </th>
              <CategoryCell categoriesById={categoriesById} categoryId={r.categoryId} />
              {kind === 'equipment' ? (
                <>
                  <td className="num nowrap">
                    {r.tracking === 'stock' ? numberFr.format(r.quantity) : 1}
                    <div className="cell-sub">
                      {r.tracking === 'stock' && r.outOfServiceQuantity > 0
                        ? `dont ${numberFr.format(r.outOfServiceQuantity)} hors service`
                        : trackingLabel(r.tracking)}
                    </div>
                  </td>
                  <td className="nowrap">
                    <span
                      className="mono"
                      title={r.serialNumber ? `N° de série ${r.serialNumber}` : undefined}
                    >
                      {r.inventoryNumber ?? dash}
                    </span>
                  </td>
                  <td className="nowrap">
                    {r.condition ? (
                      <span className={`inv-condition inv-condition--${r.condition}`}>
                        {conditionLabel(r.condition)}
                      </span>
                    ) : (
                      dash
                    )}
                    {r.nextInspectionDate ? (
                      <div
                        className={`cell-sub inv-inspection inv-inspection--${inspectionState(r.nextInspectionDate, today).state}`}
                        title="Prochaine vérification périodique"
                      >
                        VGP {formatLocalDateFr(r.nextInspectionDate)}
                      </div>
                    ) : null}
                  </td>
                </>
              ) : null}
              {kind === 'vehicle' ? (
                <>
                  <td className="mono nowrap">{r.plate ?? dash}</td>
                  <td className="nowrap">{r.licenceRequired ? `Permis ${r.licenceRequired}` : dash}</td>
                  <td className="num nowrap">{meterText(r) ?? dash}</td>
                  <InspectionCell date={r.nextInspectionDate} today={today} />
                </>
              ) : null}
              {kind === 'staff' ? (
                <>
                  <td>{r.homeCommuneId ? (communesById.get(r.homeCommuneId)?.name ?? dash) : dash}</td>
                  <td>
                    {r.qualifications.length > 0 ? (
                      <ul className="tag-list">
                        {r.qualifications.map((q, i) => (
                          <li
                            key={`${q.name}-${i}`}
                            className={`tag inv-qual inv-qual--${qualificationState(q.expiresOn, today).state}`}
                            title={expiryText(q.expiresOn, today)}
                          >
                            {q.name}
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
                  {onEdit ? (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Modifier ${r.name}`}
                      onClick={() => onEdit(r)}
                    >
                      Modifier
                    </button>
                  ) : null}
                  {!r.archived && onArchive ? (
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
