/**
 * « Identification », the first section of the resource form: type, name and category, then what
 * identifies a resource of that kind (inventory and serial numbers, plate, home commune…). Display
 * only.
 */
import type { Category, Commune, Hub, ResourceKind } from '../../../../shared/domain/types'
import { resourceKinds } from '../../../../shared/domain/types'
import { Field, fieldA11y } from '../../components/Field'
import { kindLabel } from '../../lib/labels'
import { AgentIdentityFields } from './AgentFields'
import { EquipmentIdentityFields } from './EquipmentFields'
import { categoryOptions, kindChangePatch } from './model'
import { DraftInput, type FieldGroupProps, FormSection } from './ResourceFormParts'
import { VehicleIdentityFields } from './VehicleFields'

interface IdentificationSectionProps extends FieldGroupProps {
  /** `edit` locks kind and tracking: resources.update cannot change them. */
  readonly mode: 'create' | 'edit'
  readonly categories: readonly Category[]
  readonly communes: readonly Commune[]
  readonly hubs: readonly Hub[]
}

/**
 * The « Identification » section: `Type` (locked when editing), `Nom`, `Catégorie` (the categories
 * of the kind, `Parent › Enfant`), then the identity fields of equipment, vehicles or agents.
 */
export function IdentificationSection({
  mode,
  categories,
  communes,
  hubs,
  ...group
}: IdentificationSectionProps) {
  const { draft, errorOf, onChange } = group
  return (
    <FormSection title="Identification">
      <Field id="resource-kind" label="Type" error={errorOf('kind')}>
        <select
          {...fieldA11y('resource-kind', errorOf('kind'))}
          value={draft.kind}
          disabled={mode === 'edit'}
          onChange={(e) => onChange(kindChangePatch(draft, e.target.value as ResourceKind))}
        >
          {resourceKinds.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="resource-name" label="Nom" error={errorOf('name')} required className="span-2">
        <DraftInput
          {...group}
          field="name"
          placeholder={draft.kind === 'staff' ? 'Prénom Nom' : 'ex. Podium 6 × 4 m'}
        />
      </Field>
      <Field id="resource-categoryId" label="Catégorie" error={errorOf('categoryId')}>
        <select
          {...fieldA11y('resource-categoryId', errorOf('categoryId'))}
          value={draft.categoryId}
          onChange={(e) => onChange({ categoryId: e.target.value })}
        >
          <option value="">Sans catégorie</option>
          {categoryOptions(categories, draft.kind).map((o) => (
            <option key={o.id} value={o.id}>
              {o.fullLabel}
            </option>
          ))}
        </select>
      </Field>
      {draft.kind === 'equipment' ? <EquipmentIdentityFields {...group} mode={mode} /> : null}
      {draft.kind === 'vehicle' ? <VehicleIdentityFields {...group} /> : null}
      {draft.kind === 'staff' ? <AgentIdentityFields {...group} communes={communes} hubs={hubs} /> : null}
    </FormSection>
  )
}
