import type { FormEvent } from 'react'
import type { Category, ResourceKind, Tracking } from '../../../../shared/domain/types'
import { resourceKinds } from '../../../../shared/domain/types'
import { DateTextInput } from '../../components/DateTextInput'
import { Field, fieldA11y } from '../../components/Field'
import { Banner } from '../../components/Feedback'
import { kindLabel } from '../../lib/labels'
import type { ResourceDraft } from './model'
import { categoryOptions } from './model'
import type { ResourceEditor } from './store'

interface ResourceFormProps {
  readonly editor: ResourceEditor
  readonly categories: readonly Category[]
  readonly onChange: (patch: Partial<ResourceDraft>) => void
  readonly onSubmit: () => void
}

const licences = ['B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D']

/** The first error whose API path is this field or inside it (`qualifications.2`). */
function errorOf(errors: Readonly<Record<string, string>>, field: string): string | undefined {
  if (errors[field]) return errors[field]
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`))
  return key ? errors[key] : undefined
}

/** The resource form (create or edit); the fields shown depend on the kind. Display only. */
export function ResourceForm({ editor, categories, onChange, onSubmit }: ResourceFormProps) {
  const { draft, fieldErrors, mode } = editor
  const err = (field: keyof ResourceDraft) => errorOf(fieldErrors, field)
  const options = categoryOptions(categories, draft.kind)
  const isStock = draft.kind === 'equipment' && draft.tracking === 'stock'
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  const input = (field: keyof ResourceDraft, props: { type?: string; placeholder?: string } = {}) => (
    <input
      type={props.type ?? 'text'}
      {...fieldA11y(`resource-${field}`, err(field))}
      placeholder={props.placeholder}
      value={draft[field]}
      onChange={(e) => onChange({ [field]: e.target.value })}
    />
  )
  const unknownError = Object.keys(fieldErrors).some(
    (k) => !Object.keys(draft).some((field) => k === field || k.startsWith(`${field}.`)),
  )

  return (
    <form id="resource-form" className="form" onSubmit={submit} noValidate>
      {editor.formError ? (
        <Banner tone="error">
          <p>{editor.formError}</p>
          {unknownError ? (
            <ul>
              {Object.entries(fieldErrors).map(([path, message]) => (
                <li key={path}>{message}</li>
              ))}
            </ul>
          ) : null}
        </Banner>
      ) : null}
      <div className="form-grid">
        <Field id="resource-kind" label="Type" error={err('kind')}>
          <select
            {...fieldA11y('resource-kind', err('kind'))}
            value={draft.kind}
            disabled={mode === 'edit'}
            onChange={(e) =>
              onChange({
                kind: e.target.value as ResourceKind,
                categoryId: '',
                tracking: e.target.value === 'equipment' ? draft.tracking : 'unit',
              })
            }
          >
            {resourceKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="resource-name" label="Nom" error={err('name')} required className="span-2">
          {input('name', { placeholder: draft.kind === 'staff' ? 'Prénom Nom' : 'ex. Podium 6 × 4 m' })}
        </Field>
        <Field id="resource-categoryId" label="Catégorie" error={err('categoryId')}>
          <select
            {...fieldA11y('resource-categoryId', err('categoryId'))}
            value={draft.categoryId}
            onChange={(e) => onChange({ categoryId: e.target.value })}
          >
            <option value="">Sans catégorie</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.fullLabel}
              </option>
            ))}
          </select>
        </Field>

        {draft.kind === 'equipment' ? (
          <>
            <Field id="resource-tracking" label="Suivi" error={err('tracking')}>
              <select
                {...fieldA11y('resource-tracking', err('tracking'))}
                value={draft.tracking}
                disabled={mode === 'edit'}
                onChange={(e) => onChange({ tracking: e.target.value as Tracking })}
              >
                <option value="unit">À l'unité (objet identifié)</option>
                <option value="stock">En nombre (stock)</option>
              </select>
            </Field>
            {isStock ? (
              <Field id="resource-quantity" label="Quantité en stock" error={err('quantity')} required>
                {input('quantity', { type: 'number' })}
              </Field>
            ) : null}
            <Field id="resource-inventoryNumber" label="N° d'inventaire" error={err('inventoryNumber')}>
              {input('inventoryNumber', { placeholder: 'ex. INV-2024-015' })}
            </Field>
            {!isStock ? (
              <Field id="resource-serialNumber" label="N° de série" error={err('serialNumber')}>
                {input('serialNumber')}
              </Field>
            ) : null}
            <Field
              id="resource-nextInspectionDate"
              label="Prochaine vérification"
              error={err('nextInspectionDate')}
            >
              <DateTextInput
                id="resource-nextInspectionDate"
                value={draft.nextInspectionDate}
                onChange={(nextInspectionDate) => onChange({ nextInspectionDate })}
                invalid={Boolean(err('nextInspectionDate'))}
                describedBy={err('nextInspectionDate') ? 'resource-nextInspectionDate-error' : undefined}
              />
            </Field>
          </>
        ) : null}

        {draft.kind === 'vehicle' ? (
          <>
            <Field id="resource-plate" label="Immatriculation" error={err('plate')}>
              {input('plate', { placeholder: 'AB-123-CD' })}
            </Field>
            <Field id="resource-licenceRequired" label="Permis requis" error={err('licenceRequired')}>
              <>
                <input
                  type="text"
                  list="licence-options"
                  {...fieldA11y('resource-licenceRequired', err('licenceRequired'))}
                  value={draft.licenceRequired}
                  onChange={(e) => onChange({ licenceRequired: e.target.value })}
                />
                <datalist id="licence-options">
                  {licences.map((l) => (
                    <option key={l} value={l} />
                  ))}
                </datalist>
              </>
            </Field>
            <Field id="resource-odometerKm" label="Compteur (km)" error={err('odometerKm')}>
              {input('odometerKm', { type: 'number' })}
            </Field>
            <Field
              id="resource-nextInspectionDate"
              label="Prochain contrôle technique"
              error={err('nextInspectionDate')}
            >
              <DateTextInput
                id="resource-nextInspectionDate"
                value={draft.nextInspectionDate}
                onChange={(nextInspectionDate) => onChange({ nextInspectionDate })}
                invalid={Boolean(err('nextInspectionDate'))}
                describedBy={err('nextInspectionDate') ? 'resource-nextInspectionDate-error' : undefined}
              />
            </Field>
            <Field id="resource-inventoryNumber" label="N° d'inventaire" error={err('inventoryNumber')}>
              {input('inventoryNumber')}
            </Field>
          </>
        ) : null}

        {draft.kind === 'staff' ? (
          <>
            <Field id="resource-weeklyHours" label="Heures par semaine" error={err('weeklyHours')}>
              {input('weeklyHours', { type: 'number' })}
            </Field>
            <Field
              id="resource-qualifications"
              label="Qualifications"
              error={err('qualifications')}
              hint="Une par ligne : CACES R486, permis C, habilitation électrique…"
              className="span-3"
            >
              <textarea
                rows={3}
                {...fieldA11y(
                  'resource-qualifications',
                  err('qualifications'),
                  'resource-qualifications-hint',
                )}
                value={draft.qualifications}
                onChange={(e) => onChange({ qualifications: e.target.value })}
              />
            </Field>
          </>
        ) : null}

        <Field
          id="resource-bufferBeforeMinutes"
          label="Marge avant (min)"
          error={err('bufferBeforeMinutes')}
          hint="Préparation avant chaque prêt"
          className="row-start"
        >
          <input
            type="number"
            min={0}
            step={15}
            {...fieldA11y(
              'resource-bufferBeforeMinutes',
              err('bufferBeforeMinutes'),
              'resource-bufferBeforeMinutes-hint',
            )}
            value={draft.bufferBeforeMinutes}
            onChange={(e) => onChange({ bufferBeforeMinutes: e.target.value })}
          />
        </Field>
        <Field
          id="resource-bufferAfterMinutes"
          label="Marge après (min)"
          error={err('bufferAfterMinutes')}
          hint="Retour, transport, nettoyage"
        >
          <input
            type="number"
            min={0}
            step={15}
            {...fieldA11y(
              'resource-bufferAfterMinutes',
              err('bufferAfterMinutes'),
              'resource-bufferAfterMinutes-hint',
            )}
            value={draft.bufferAfterMinutes}
            onChange={(e) => onChange({ bufferAfterMinutes: e.target.value })}
          />
        </Field>
        <Field id="resource-notes" label="Notes" error={err('notes')} className="span-3">
          <textarea
            rows={3}
            {...fieldA11y('resource-notes', err('notes'))}
            value={draft.notes}
            onChange={(e) => onChange({ notes: e.target.value })}
          />
        </Field>
      </div>
    </form>
  )
}
