import { useEffect, useMemo } from 'react'
import type { Resource } from '../../../../shared/domain/types'
import { Banner, EmptyState } from '../../components/Feedback'
import { hashOf, useNavigation } from '../../stores/navigation'
import { mainHub, useReference } from '../../stores/reference'
import { LABELS_PER_SHEET, labelSelection, paginateLabels, parseIdsParam, sheetSummary } from './model'
import { useLabels } from './store'

/** One label: QR code of the inventory number, name, number in large monospace, the hub. Display only. */
function Label({
  resource,
  qr,
  hubName,
}: {
  readonly resource: Resource
  readonly qr: string | undefined
  readonly hubName: string
}) {
  const number = resource.inventoryNumber ?? ''
  return (
    <div className="labels-label" data-testid="label" data-inventory-number={number}>
      {qr ? (
        <img className="labels-label__qr" src={qr} alt={`QR code ${number}`} />
      ) : (
        <span className="labels-label__qr labels-label__qr--pending" aria-hidden="true" />
      )}
      <div className="labels-label__text">
        <span className="labels-label__name">{resource.name}</span>
        <span className="labels-label__number">{number}</span>
        <span className="labels-label__hub">{hubName}</span>
      </div>
    </div>
  )
}

/**
 * The printable labels sheet (`#/etiquettes?ids=a,b`): A4 sheets of 3 × 8 labels of 70 × 37 mm.
 * On screen a toolbar (print, first free label); on paper only the labels, at their exact size.
 */
export function LabelsPage() {
  const idsParam = useNavigation((s) => s.params.query.ids)
  const resources = useReference((s) => s.resources)
  const hubs = useReference((s) => s.hubs)
  const qr = useLabels((s) => s.qr)
  const error = useLabels((s) => s.error)
  const skip = useLabels((s) => s.skip)
  const setSkip = useLabels((s) => s.setSkip)
  const prepare = useLabels((s) => s.prepare)

  const ids = useMemo(() => parseIdsParam(idsParam), [idsParam])
  const selection = useMemo(() => labelSelection(resources, ids), [resources, ids])
  const numbers = useMemo(
    () => selection.printable.map((r) => r.inventoryNumber ?? '').filter((n) => n !== ''),
    [selection],
  )
  useEffect(() => {
    void prepare(numbers)
  }, [prepare, numbers])

  const sheets = paginateLabels(selection.printable, LABELS_PER_SHEET, skip)
  const hubName = mainHub(hubs)?.name ?? 'Pôle technique Ouest'
  const ready = numbers.every((n) => n in qr)

  return (
    <section className="page labels-page" aria-labelledby="page-title">
      <header className="page__header labels-toolbar">
        <div>
          <a className="rd-back" href={hashOf('inventaire')}>
            ← Inventaire
          </a>
          <h1 id="page-title">Étiquettes</h1>
          <p className="page__subtitle">
            {selection.printable.length > 0
              ? `${sheetSummary(selection.printable.length, sheets.length)} — planches de 3 × 8 étiquettes de 70 × 37 mm.`
              : 'Aucune étiquette à imprimer.'}
          </p>
        </div>
        <div className="labels-toolbar__actions">
          <div className="toolbar__field labels-toolbar__skip">
            <label htmlFor="labels-skip">Commencer à l’étiquette n°</label>
            <input
              id="labels-skip"
              type="number"
              min={1}
              max={LABELS_PER_SHEET}
              value={skip + 1}
              onChange={(e) => {
                const n = Number(e.target.value)
                if (Number.isInteger(n) && n >= 1 && n <= LABELS_PER_SHEET) setSkip(n - 1)
              }}
            />
          </div>
          <button
            type="button"
            className="button button--primary"
            disabled={selection.printable.length === 0 || !ready}
            onClick={() => window.print()}
          >
            Imprimer
          </button>
        </div>
      </header>

      <div className="labels-notes">
        {error ? <Banner tone="error">{error}</Banner> : null}
        {selection.withoutNumber.length > 0 ? (
          <Banner tone="warning">
            <span data-testid="labels-without-number">
              Sans n° d’inventaire, pas d’étiquette (le QR code porte ce numéro) :{' '}
              {selection.withoutNumber.map((r) => r.name).join(', ')}. Ajoutez-leur un n° d’inventaire depuis
              « Modifier ».
            </span>
          </Banner>
        ) : null}
        {selection.unknownCount > 0 ? (
          <Banner tone="warning">
            {selection.unknownCount} ressource{selection.unknownCount > 1 ? 's' : ''} introuvable
            {selection.unknownCount > 1 ? 's' : ''} (supprimée ou lien incomplet).
          </Banner>
        ) : null}
        {selection.printable.length > 0 ? (
          <p className="labels-notes__tip">
            Dans la fenêtre d’impression, choisissez le format A4, l’échelle 100 % (« taille réelle ») et
            aucune marge.
          </p>
        ) : null}
      </div>

      {selection.printable.length === 0 ? (
        <div className="card labels-empty">
          <EmptyState title="Aucune étiquette à imprimer.">
            <p>
              Dans l’inventaire, cochez des ressources qui ont un n° d’inventaire puis « Imprimer des
              étiquettes ».
            </p>
          </EmptyState>
        </div>
      ) : (
        <div className="labels-sheets" data-testid="labels-sheets" data-ready={ready}>
          {sheets.map((sheet, index) => (
            <div
              key={index}
              className="labels-sheet"
              data-testid="labels-sheet"
              aria-label={`Planche ${index + 1}`}
            >
              {sheet.map((resource, slot) =>
                resource ? (
                  <Label
                    key={resource.id}
                    resource={resource}
                    qr={qr[resource.inventoryNumber ?? '']}
                    hubName={hubName}
                  />
                ) : (
                  <div
                    key={`empty-${slot}`}
                    className="labels-label labels-label--empty"
                    aria-hidden="true"
                  />
                ),
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  )
}
