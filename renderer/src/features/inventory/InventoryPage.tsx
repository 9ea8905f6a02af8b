import { useMemo } from 'react'
import { resourceKinds } from '../../../../shared/domain/types'
import { Banner, EmptyState, Loading, LoadError } from '../../components/Feedback'
import { todayLocalDate } from '../../lib/dates'
import { kindPluralLabel } from '../../lib/labels'
import { navigateToHash } from '../../stores/navigation'
import { byId, useReference } from '../../stores/reference'
import { ImportDialog } from '../import/ImportDialog'
import { useImport } from '../import/store'
import { categoryOptions, filterResources, labelsHash, updateSelection } from './model'
import { ArchiveDialog, ResourceEditorDialog } from './ResourceDialogs'
import { useCan } from '../accounts/session'
import { ResourceTable } from './ResourceTable'
import { useInventory } from './store'

/** The scanner field: a USB scanner types the code then Enter; Enter opens the matching resource. */
function ScanField({
  value,
  message,
  onChange,
  onSubmit,
}: {
  readonly value: string
  readonly message: string | null
  readonly onChange: (text: string) => void
  readonly onSubmit: () => void
}) {
  return (
    <div className="inv-scan">
      <label htmlFor="inventory-scan" className="inv-scan__label">
        Scanner ou saisir un n° d'inventaire
      </label>
      <div className="inv-scan__row">
        <span className="inv-scan__icon" aria-hidden="true">
          <svg viewBox="0 0 24 16" width="24" height="16">
            <path
              fill="currentColor"
              d="M0 0h2v16H0zM3 0h1v16H3zM5 0h2v16H5zM8 0h1v16H8zM11 0h3v16h-3zM15 0h1v16h-1zM17 0h2v16h-2zM20 0h1v16h-1zM22 0h2v16h-2z"
            />
          </svg>
        </span>
        <input
          id="inventory-scan"
          type="text"
          className="inv-scan__input"
          autoComplete="off"
          spellCheck={false}
          // A depot agent scans as soon as the page opens.
          autoFocus
          placeholder="ex. PTO-MOB-001 ou FR-482-PT, puis Entrée"
          aria-describedby={message ? 'inventory-scan-message' : 'inventory-scan-hint'}
          aria-invalid={message ? true : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              onSubmit()
            }
          }}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button" onClick={onSubmit}>
          Ouvrir
        </button>
      </div>
      {message ? (
        <p className="field__error" id="inventory-scan-message" role="alert">
          {message}
        </p>
      ) : (
        <p className="field__hint" id="inventory-scan-hint">
          Le n° d’inventaire (ou l’immatriculation) exact ouvre la fiche de la ressource.
        </p>
      )}
    </div>
  )
}

/** Inventaire: resources by kind, filters, scanner, selection for labels, import / export, create / edit / archive. */
export function InventoryPage() {
  const canEdit = useCan('resources.update')
  const status = useReference((s) => s.status)
  const loadError = useReference((s) => s.error)
  const load = useReference((s) => s.load)
  const resources = useReference((s) => s.resources)
  const categories = useReference((s) => s.categories)
  const communes = useReference((s) => s.communes)
  const inv = useInventory()
  const openImport = useImport((s) => s.openImport)

  const categoriesById = useMemo(() => byId(categories), [categories])
  const communesById = useMemo(() => byId(communes), [communes])
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
  const selectedCount = inv.selectedIds.length
  const today = todayLocalDate()

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <div>
          <h1 id="page-title">Inventaire</h1>
          <p className="page__subtitle">
            Matériel, véhicules et agents que le pôle met à disposition des communes.
          </p>
        </div>
        <div className="inv-actions">
          {canEdit ? (
            <button type="button" className="button" onClick={openImport}>
              Importer
            </button>
          ) : null}
          <div className="button-group" role="group" aria-label={`Exporter : ${kindPluralLabel(inv.kind)}`}>
            <button
              type="button"
              className="button"
              disabled={inv.exporting !== null}
              title={`Exporter l’onglet « ${kindPluralLabel(inv.kind)} » en CSV (Excel français)`}
              onClick={() => void inv.exportFile('csv')}
            >
              {inv.exporting === 'csv' ? 'Export…' : 'Exporter CSV'}
            </button>
            <button
              type="button"
              className="button"
              disabled={inv.exporting !== null}
              title={`Exporter l’onglet « ${kindPluralLabel(inv.kind)} » en classeur Excel (.xlsx)`}
              onClick={() => void inv.exportFile('xlsx')}
            >
              {inv.exporting === 'xlsx' ? 'Export…' : 'Exporter Excel'}
            </button>
          </div>
          {canEdit ? (
            <button type="button" className="button button--primary" onClick={inv.openCreate}>
              Nouvelle ressource
            </button>
          ) : null}
        </div>
      </header>

      <ScanField
        value={inv.scan}
        message={inv.scanMessage}
        onChange={inv.setScan}
        onSubmit={inv.submitScan}
      />

      {inv.notice ? (
        <Banner tone="success" onDismiss={inv.dismissNotice}>
          <span data-testid="inventory-notice">{inv.notice}</span>
        </Banner>
      ) : null}
      {inv.error ? (
        <Banner tone="error" onDismiss={inv.dismissError}>
          {inv.error}
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
          <div className="inv-selection" data-testid="selection-bar">
            <span className="inv-selection__count" aria-live="polite">
              {selectedCount === 0
                ? 'Aucune sélection'
                : `${selectedCount} sélectionnée${selectedCount > 1 ? 's' : ''}`}
            </span>
            {selectedCount > 0 ? (
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => inv.setSelection([])}
              >
                Tout désélectionner
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              disabled={selectedCount === 0}
              title={selectedCount === 0 ? 'Cochez des ressources dans le tableau' : undefined}
              onClick={() => navigateToHash(labelsHash(inv.selectedIds))}
            >
              Imprimer des étiquettes
            </button>
          </div>
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
              <p>
                Ajoutez la première avec « Nouvelle ressource », ou importez un fichier avec « Importer ».
              </p>
            )}
          </EmptyState>
        ) : null}
        {status === 'ready' && visible.length > 0 ? (
          <ResourceTable
            kind={inv.kind}
            resources={visible}
            categoriesById={categoriesById}
            communesById={communesById}
            today={today}
            selectedIds={inv.selectedIds}
            onSelect={inv.toggleSelected}
            onSelectAll={(ids, selected) => inv.setSelection(updateSelection(inv.selectedIds, ids, selected))}
            onEdit={canEdit ? inv.openEdit : null}
            onArchive={canEdit ? inv.askArchive : null}
          />
        ) : null}
      </div>

      <ResourceEditorDialog />
      <ArchiveDialog />
      <ImportDialog />
    </section>
  )
}
