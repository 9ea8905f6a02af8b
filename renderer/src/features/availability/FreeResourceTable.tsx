import type { Category, FreeResource } from '../../../../shared/domain/types'
import { kindLabel } from '../../lib/labels'

interface FreeResourceTableProps {
  readonly resources: readonly FreeResource[]
  readonly categoriesById: ReadonlyMap<string, Category>
  readonly onBook: (resource: FreeResource) => void
}

const numberFr = new Intl.NumberFormat('fr-FR')

/** Resources free for the whole period, with the units free at the busiest moment. Display only. */
export function FreeResourceTable({ resources, categoriesById, onBook }: FreeResourceTableProps) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="free-resources">
        <thead>
          <tr>
            <th scope="col">Ressource</th>
            <th scope="col">Type</th>
            <th scope="col">Catégorie</th>
            <th scope="col" className="num">
              Disponible
            </th>
            <th scope="col">Détails</th>
            <th scope="col" className="actions-col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {resources.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="cell-name">
                {r.name}
              </th>
              <td>{kindLabel(r.kind)}</td>
              <td>{r.categoryId ? (categoriesById.get(r.categoryId)?.name ?? '—') : '—'}</td>
              <td className="num nowrap">
                {r.tracking === 'stock'
                  ? `${numberFr.format(r.freeQuantity)} / ${numberFr.format(r.quantity)}`
                  : 'Libre'}
              </td>
              <td className="cell-sub-inline">
                {[
                  r.plate,
                  r.licenceRequired ? `permis ${r.licenceRequired}` : null,
                  r.inventoryNumber,
                  r.qualifications.length > 0 ? r.qualifications.map((q) => q.name).join(', ') : null,
                ]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </td>
              <td className="actions-col">
                <button
                  type="button"
                  className="button button--small button--primary"
                  aria-label={`Réserver ${r.name}`}
                  onClick={() => onBook(r)}
                >
                  Réserver
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
