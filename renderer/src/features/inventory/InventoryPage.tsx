import { useMemo } from 'react'
import { resourceKinds } from '../../../../shared/domain/types'
import { Banner, EmptyState, Loading, LoadError } from '../../components/Feedback'
import { Modal } from '../../components/Modal'
import { kindPluralLabel } from '../../lib/labels'
import { byId, useReference } from '../../stores/reference'
import { categoryOptions, filterResources } from './model'
import { ResourceForm } from './ResourceForm'
import { ResourceTable } from './ResourceTable'
import { useInventory } from './store'

/** Inventaire: resources by kind, filters, create / edit / archive. */
export function InventoryPage() {
  const status = useReference((s) => s.status)
  const loadError = useReference((s) => s.error)
  const load = useReference((s) => s.load)
  const resources = useReference((s) => s.resources)
  const categories = useReference((s) => s.categories)
  const inv = useInventory()

  const categoriesById = useMemo(() => byId(categories), [categories])
  const visible = useMemo(
    () =>
      filterResources(resources, categories, {
        kind: inv.kind,
        categoryId: inv.categoryId,
        search: inv.search,
        showArchived: inv.showArchived,
      }),
    [resources, categories, inv.kind, inv.categoryId, inv.search, inv.showArchived],
  )
  const counts = useMemo(
    () =>
      Object.fromEntries(
        resourceKinds.map((k) => [k, resources.filter((r) => r.kind === k && !r.archived).length]),
      ) as Record<(typeof resourceKinds)[number], number>,
    [resources],
  )
  const filterOptions = useMemo(() => categoryOptions(categories, inv.kind), [categories, inv.kind])
  const filtering = inv.search.trim() !== '' || inv.categoryId !== ''

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <div>
          <h1 id="page-title">Inventaire</h1>
          <p className="page__subtitle">
            Matériel, véhicules et agents que le pôle met à disposition des communes.
          </p>
        </div>
        <button type="button" className="button button--primary" onClick={inv.openCreate}>
          Nouvelle ressource
        </button>
      </header>

      {inv.notice ? (
        <Banner tone="success" onDismiss={inv.dismissNotice}>
          {inv.notice}
        </Banner>
      ) : null}

      <div className="tabs" role="tablist" aria-label="Type de ressource">
        {resourceKinds.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={inv.kind === k}
            aria-controls="inventory-panel"
            className={`tabs__tab${inv.kind === k ? ' is-active' : ''}`}
            onClick={() => inv.setKind(k)}
          >
            {kindPluralLabel(k)}
            <span className="tabs__count">{counts[k]}</span>
          </button>
        ))}
      </div>

      <div id="inventory-panel" role="tabpanel" aria-labelledby={`tab-${inv.kind}`} className="card">
        <div className="toolbar">
          <div className="toolbar__field">
            <label htmlFor="inventory-search">Rechercher</label>
            <input
              id="inventory-search"
              type="search"
              placeholder={
                inv.kind === 'vehicle'
                  ? 'Nom, immatriculation, n° d’inventaire'
                  : inv.kind === 'equipment'
                    ? 'Nom, n° d’inventaire ou de série'
                    : 'Nom'
              }
              value={inv.search}
              onChange={(e) => inv.setSearch(e.target.value)}
            />
          </div>
          <div className="toolbar__field">
            <label htmlFor="inventory-category">Filtrer par catégorie</label>
            <select
              id="inventory-category"
              value={inv.categoryId}
              onChange={(e) => inv.setCategoryId(e.target.value)}
            >
              <option value="">Toutes les catégories</option>
              {filterOptions.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.fullLabel}
                </option>
              ))}
            </select>
          </div>
          <label className="checkbox toolbar__check">
            <input
              type="checkbox"
              checked={inv.showArchived}
              onChange={(e) => inv.setShowArchived(e.target.checked)}
            />
            Afficher les archivées
          </label>
        </div>

        {status === 'loading' || status === 'idle' ? <Loading label="Chargement de l’inventaire…" /> : null}
        {status === 'error' && loadError ? (
          <LoadError message={loadError} onRetry={() => void load()} />
        ) : null}
        {status === 'ready' && visible.length === 0 ? (
          <EmptyState
            title={
              filtering ? 'Aucune ressource ne correspond à ces filtres.' : 'Aucune ressource pour l’instant.'
            }
          >
            {filtering ? (
              <p>Modifiez la recherche ou choisissez « Toutes les catégories ».</p>
            ) : (
              <p>Ajoutez la première avec « Nouvelle ressource ».</p>
            )}
          </EmptyState>
        ) : null}
        {status === 'ready' && visible.length > 0 ? (
          <ResourceTable
            kind={inv.kind}
            resources={visible}
            categoriesById={categoriesById}
            onEdit={inv.openEdit}
            onArchive={inv.askArchive}
          />
        ) : null}
      </div>

      {inv.editor ? (
        <Modal
          title={
            inv.editor.mode === 'create'
              ? 'Nouvelle ressource'
              : `Modifier « ${inv.editor.draft.name || '…'} »`
          }
          onClose={inv.closeEditor}
          size="large"
          footer={
            <>
              <button type="button" className="button" onClick={inv.closeEditor}>
                Annuler
              </button>
              <button
                type="submit"
                form="resource-form"
                className="button button--primary"
                disabled={inv.editor.saving}
              >
                {inv.editor.saving ? 'Enregistrement…' : 'Enregistrer'}
              </button>
            </>
          }
        >
          <ResourceForm
            editor={inv.editor}
            categories={categories}
            onChange={inv.editDraft}
            onSubmit={() => void inv.save()}
          />
        </Modal>
      ) : null}

      {inv.archiveTarget ? (
        <Modal
          title="Archiver la ressource ?"
          onClose={inv.cancelArchive}
          footer={
            <>
              <button type="button" className="button" onClick={inv.cancelArchive}>
                Garder
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={inv.archiving}
                onClick={() => void inv.confirmArchive()}
              >
                {inv.archiving ? 'Archivage…' : 'Archiver'}
              </button>
            </>
          }
        >
          <p>
            « {inv.archiveTarget.name} » ne sera plus proposé à la réservation. Les réservations existantes et
            l’historique sont conservés ; la ressource reste visible avec « Afficher les archivées ».
          </p>
          {inv.archiveError ? <Banner tone="error">{inv.archiveError}</Banner> : null}
        </Modal>
      ) : null}
    </section>
  )
}
