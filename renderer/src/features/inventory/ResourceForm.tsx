/**
 * The resource form (`#resource-form`, submitted by the `Enregistrer` button of its dialog): the
 * banner of a refused save, then one section per group of fields. Which sections and fields show
 * depends on the kind and, for equipment, on how it is tracked. Display only.
 */
import type { FormEvent } from 'react'
import type { Category, Commune, Hub } from '../../../../shared/domain/types'
import { Banner } from '../../components/Feedback'
import { QualificationsSection } from './AgentFields'
import { StockSection } from './EquipmentFields'
import { IdentificationSection } from './IdentificationSection'
import { LendingSection } from './LendingSection'
import type { ResourceDraft } from './model'
import { fieldError, hasErrorsOutsideDraft } from './model'
import { PurchaseSection } from './PurchaseSection'
import type { FieldGroupProps } from './ResourceFormParts'
import type { ResourceEditor } from './store'
import { VehicleMeterSection } from './VehicleFields'

interface ResourceFormProps {
  readonly editor: ResourceEditor
  readonly categories: readonly Category[]
  readonly communes: readonly Commune[]
  readonly hubs: readonly Hub[]
  /** Today in Europe/Paris, `YYYY-MM-DD`, for the qualification states. */
  readonly today: string
  readonly onChange: (patch: Partial<ResourceDraft>) => void
  readonly onSubmit: () => void
}

/**
 * The form's error banner: the store's `formError` and, when some field error has no field to show
 * under, the list of every field error so that none is lost. Nothing without a `formError`.
 */
function RefusalBanner({ editor }: { readonly editor: ResourceEditor }) {
  if (!editor.formError) return null
  return (
    <Banner tone="error">
      <p>{editor.formError}</p>
      {hasErrorsOutsideDraft(editor.fieldErrors, editor.draft) ? (
        <ul>
          {Object.entries(editor.fieldErrors).map(([path, message]) => (
            <li key={path}>{message}</li>
          ))}
        </ul>
      ) : null}
    </Banner>
  )
}

/**
 * The resource form (create or edit) for the editor of the inventory store: Identification, then
 * Stock (equipment counted in number), Compteur et contrôle (vehicles), Qualifications (agents),
 * Achat et tarif, Prêt. Every edit goes to `onChange` as a patch of the draft; submitting (Enter or
 * the dialog's button) calls `onSubmit`. Display only.
 */
export function ResourceForm({
  editor,
  categories,
  communes,
  hubs,
  today,
  onChange,
  onSubmit,
}: ResourceFormProps) {
  const { draft, fieldErrors, mode } = editor
  const group: FieldGroupProps = { draft, errorOf: (path) => fieldError(fieldErrors, path), onChange }
  const submit = (event: FormEvent) => {
    // The store saves through the API; a native submit would reload the page.
    event.preventDefault()
    onSubmit()
  }
  return (
    <form id="resource-form" className="form rform" onSubmit={submit} noValidate>
      <RefusalBanner editor={editor} />
      <IdentificationSection {...group} mode={mode} categories={categories} communes={communes} hubs={hubs} />
      {draft.kind === 'equipment' && draft.tracking === 'stock' ? <StockSection {...group} /> : null}
      {draft.kind === 'vehicle' ? <VehicleMeterSection {...group} /> : null}
      {draft.kind === 'staff' ? <QualificationsSection {...group} today={today} /> : null}
      <PurchaseSection {...group} />
      <LendingSection {...group} errors={fieldErrors} />
    </form>
  )
}
