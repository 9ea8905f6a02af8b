import type { ImportError, ImportField, ImportPreviewRow } from '../../../../shared/domain/types'
import { formatLocalDateFr } from '../../../../shared/time'
import { Banner, Loading } from '../../components/Feedback'
import { Modal } from '../../components/Modal'
import { kindLabel } from '../../lib/labels'
import { formatMoney } from '../inventory/model'
import {
  canImport,
  displayedMapping,
  duplicateFields,
  errorLinesSummary,
  importButtonLabel,
  mappingOptions,
  mappingValue,
  previewSummary,
} from './model'
import { useImport } from './store'

const dash = '—'

/** The column mapping: each header of the file with the field it fills. Display only. */
function MappingGrid({
  headers,
  mapping,
  disabled,
  onChange,
}: {
  readonly headers: readonly string[]
  readonly mapping: Readonly<Record<string, ImportField | null>>
  readonly disabled: boolean
  readonly onChange: (header: string, value: ImportField | '') => void
}) {
  const options = mappingOptions()
  return (
    <ul className="import-mapping" data-testid="import-mapping">
      {headers.map((header, index) => {
        const id = `import-mapping-${index}`
        const value = mappingValue(mapping, header)
        return (
          <li
            key={`${header}-${index}`}
            className={`import-mapping__item${value === '' ? ' import-mapping__item--ignored' : ''}`}
          >
            <label htmlFor={id} className="import-mapping__header" title={header}>
              <span className="visually-hidden">Champ pour la colonne </span>« {header || '(sans titre)'} »
            </label>
            <span className="import-mapping__arrow" aria-hidden="true">
              →
            </span>
            <select
              id={id}
              value={value}
              disabled={disabled}
              onChange={(e) => onChange(header, e.target.value as ImportField | '')}
            >
              {options.map((o) => (
                <option key={o.value || 'ignore'} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </li>
        )
      })}
    </ul>
  )
}

/** The errors of the report, one row each (line of the spreadsheet, column, message). Display only. */
function ErrorTable({ errors }: { readonly errors: readonly ImportError[] }) {
  return (
    <div className="import-errors" role="alert" data-testid="import-errors">
      <p className="import-errors__title">
        {errorLinesSummary(errors)} : rien ne sera importé tant qu’il reste des erreurs.
      </p>
      <p className="import-errors__hint">
        Corrigez le fichier (ou l’affectation des colonnes) puis choisissez-le à nouveau.
      </p>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col" className="num">
              Ligne
            </th>
            <th scope="col">Colonne</th>
            <th scope="col">Problème</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={`${e.line}-${e.column ?? ''}-${i}`} data-line={e.line}>
              <td className="num">{e.line}</td>
              <td>{e.column ?? dash}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The rows as the import understood them, with what will happen to each. Display only. */
function PreviewTable({ rows }: { readonly rows: readonly ImportPreviewRow[] }) {
  return (
    <div className="table-wrap import-preview">
      <table className="table table--compact" data-testid="import-preview">
        <thead>
          <tr>
            <th scope="col" className="num">
              Ligne
            </th>
            <th scope="col">Action</th>
            <th scope="col">Désignation</th>
            <th scope="col">Type</th>
            <th scope="col">Catégorie</th>
            <th scope="col" className="num">
              Qté
            </th>
            <th scope="col">N° d'inventaire</th>
            <th scope="col">N° de série</th>
            <th scope="col">Immat.</th>
            <th scope="col">Achat</th>
            <th scope="col" className="num">
              Valeur
            </th>
            <th scope="col" className="num">
              Tarif / jour
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} data-action={row.action} data-line={row.line}>
              <td className="num">{row.line}</td>
              <td>
                <span className={`import-action import-action--${row.action}`}>
                  {row.action === 'create' ? 'Création' : 'Mise à jour'}
                </span>
              </td>
              <td>{row.name}</td>
              <td>{kindLabel(row.kind)}</td>
              <td>{row.category ?? dash}</td>
              <td className="num">{row.quantity}</td>
              <td className="mono nowrap">{row.inventoryNumber ?? dash}</td>
              <td className="mono nowrap">{row.serialNumber ?? dash}</td>
              <td className="mono nowrap">{row.plate ?? dash}</td>
              <td className="nowrap">{row.purchaseDate ? formatLocalDateFr(row.purchaseDate) : dash}</td>
              <td className="num nowrap">
                {row.purchaseValueCents === null ? dash : formatMoney(row.purchaseValueCents)}
              </td>
              <td className="num nowrap">
                {row.dailyRateCents === null ? dash : formatMoney(row.dailyRateCents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * Import of resources from a CSV or XLSX file: choose the file, see how its columns are read,
 * what each row will do and every error, change the mapping, then confirm. Nothing is written
 * before the confirmation.
 */
export function ImportDialog() {
  const state = useImport()
  if (!state.open) return null
  const { report, status } = state
  const busy = status === 'reading' || status === 'checking' || status === 'importing'
  const shownMapping = report ? displayedMapping(report, state.mapping) : {}
  const duplicates = duplicateFields(shownMapping)
  const rowCount = report?.rows.length ?? 0
  return (
    <Modal
      title="Importer des ressources"
      onClose={state.close}
      size="wide"
      footer={
        <>
          <button type="button" className="button" onClick={state.close}>
            Annuler
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!canImport(report) || busy}
            onClick={() => void state.confirm()}
          >
            {status === 'importing' ? 'Import…' : importButtonLabel(rowCount)}
          </button>
        </>
      }
    >
      <div className="import-file">
        <span className="field__label" id="import-file-label">
          Fichier à importer
        </span>
        <div className="import-file__row">
          <input
            id="import-file"
            type="file"
            className="visually-hidden import-file__input"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-labelledby="import-file-label"
            aria-describedby="import-file-hint"
            disabled={status === 'importing'}
            onChange={(e) => {
              const file = e.target.files?.[0]
              // Cleared so that choosing the same file again (after fixing it) reads it again.
              e.target.value = ''
              if (file) void state.chooseFile(file)
            }}
          />
          <label htmlFor="import-file" className="button import-file__button">
            {state.fileName ? 'Choisir un autre fichier…' : 'Choisir un fichier…'}
          </label>
          {state.fileName ? (
            <span className="import-file__name" data-testid="import-file-name">
              {state.fileName}
            </span>
          ) : (
            <span className="import-file__none">Aucun fichier choisi</span>
          )}
        </div>
        <p className="field__hint" id="import-file-hint">
          CSV (séparateur « ; » ou « , », UTF-8 ou Windows) ou Excel .xlsx. Colonnes reconnues : Désignation,
          Type, Catégorie, Quantité, N° d’inventaire, N° de série, Immatriculation, Date d’achat (jj/mm/aaaa),
          Valeur d’achat, Tarif journalier. Une ligne dont le n° d’inventaire ou l’immatriculation existe met
          à jour la ressource. Rien n’est enregistré avant « Importer ».
        </p>
      </div>

      {state.error ? <Banner tone="error">{state.error}</Banner> : null}
      {status === 'reading' ? <Loading label="Lecture du fichier…" /> : null}
      {status === 'checking' ? <Loading label="Vérification des lignes (rien n’est enregistré)…" /> : null}
      {status === 'importing' ? <Loading label="Import en cours…" /> : null}

      {report ? (
        <div className="import-report" data-testid="import-report" data-errors={report.errors.length}>
          <p className="import-report__summary">
            <strong>{previewSummary(report)}</strong>
            {report.errors.length === 0 && report.rows.length > 0 ? (
              <span className="import-report__ok"> — aucune erreur, prêt à importer.</span>
            ) : null}
          </p>
          {report.errors.length > 0 ? <ErrorTable errors={report.errors} /> : null}
          <section aria-labelledby="import-mapping-title">
            <h3 id="import-mapping-title" className="import-report__title">
              Colonnes du fichier
            </h3>
            <p className="import-report__note">
              Ce que remplit chaque colonne. Corrigez une colonne mal reconnue : l’aperçu est refait aussitôt.
            </p>
            <MappingGrid
              headers={report.headers}
              mapping={shownMapping}
              disabled={busy}
              onChange={(header, value) => void state.setMapping(header, value)}
            />
            {duplicates.length > 0 ? (
              <p className="field__error">Plusieurs colonnes remplissent : {duplicates.join(', ')}.</p>
            ) : null}
          </section>
          <section aria-labelledby="import-rows-title">
            <h3 id="import-rows-title" className="import-report__title">
              Aperçu
            </h3>
            {report.rows.length > 0 ? (
              <PreviewTable rows={report.rows} />
            ) : (
              <p className="import-report__note">Aucune ligne lisible.</p>
            )}
          </section>
        </div>
      ) : null}
    </Modal>
  )
}
