/**
 * The fields of equipment in the resource form: how it is tracked and its inventory number, the
 * serial number, condition and periodic inspection (VGP) of a single item, and the quantities of a
 * stock. Display only.
 */
import type { Condition, Tracking } from '../../../../shared/domain/types'
import { conditions } from '../../../../shared/domain/types'
import { Field, fieldA11y } from '../../components/Field'
import { conditionLabel } from '../../lib/labels'
import { draftLendable } from './model'
import { DraftDateInput, DraftInput, type FieldGroupProps, FormSection } from './ResourceFormParts'

/**
 * Equipment's fields in « Identification »: `Suivi` (locked when editing) and `N° d'inventaire`; for
 * an item tracked per unit, also `N° de série`, `État` and `Prochaine vérification (VGP)`.
 */
export function EquipmentIdentityFields({
  mode,
  ...group
}: FieldGroupProps & { readonly mode: 'create' | 'edit' }) {
  const { draft, errorOf, onChange } = group
  const outOfService = draft.condition === 'out_of_service'
  return (
    <>
      <Field id="resource-tracking" label="Suivi" error={errorOf('tracking')}>
        <select
          {...fieldA11y('resource-tracking', errorOf('tracking'))}
          value={draft.tracking}
          disabled={mode === 'edit'}
          onChange={(e) => onChange({ tracking: e.target.value as Tracking })}
        >
          <option value="unit">À l'unité (objet identifié)</option>
          <option value="stock">En nombre (stock)</option>
        </select>
      </Field>
      <Field id="resource-inventoryNumber" label="N° d'inventaire" error={errorOf('inventoryNumber')}>
        <DraftInput {...group} field="inventoryNumber" placeholder="ex. PTO-STR-005" />
      </Field>

      {draft.tracking === 'stock' ? null : (
        <>
          <Field id="resource-serialNumber" label="N° de série" error={errorOf('serialNumber')}>
            <DraftInput {...group} field="serialNumber" />
          </Field>
          <Field
            id="resource-condition"
            label="État"
            error={errorOf('condition')}
            hint={outOfService ? 'Hors service : ne peut pas être réservé.' : undefined}
          >
            <select
              {...fieldA11y(
                'resource-condition',
                errorOf('condition'),
                outOfService ? 'resource-condition-hint' : undefined,
              )}
              value={draft.condition}
              onChange={(e) => onChange({ condition: e.target.value as Condition | '' })}
            >
              <option value="">Non renseigné</option>
              {conditions.map((c) => (
                <option key={c} value={c}>
                  {conditionLabel(c)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="resource-nextInspectionDate"
            label="Prochaine vérification (VGP)"
            error={errorOf('nextInspectionDate')}
            hint="Levage et appareils à pression : dernier jour d’utilisation autorisé."
          >
            <DraftDateInput {...group} field="nextInspectionDate" />
          </Field>
        </>
      )}
    </>
  )
}

/**
 * The « Stock » section of equipment counted in number: `Quantité en stock`, `Quantité hors service`
 * and the lendable count worked out as they are typed (`output.rform-lendable`, `—` while a
 * quantity cannot be read).
 */
export function StockSection(group: FieldGroupProps) {
  const { errorOf } = group
  const lendable = draftLendable(group.draft)
  return (
    <FormSection title="Stock">
      <Field id="resource-quantity" label="Quantité en stock" error={errorOf('quantity')} required>
        <DraftInput {...group} field="quantity" type="number" />
      </Field>
      <Field
        id="resource-outOfServiceQuantity"
        label="Quantité hors service"
        error={errorOf('outOfServiceQuantity')}
        hint="Cassées ou en réparation : jamais prêtées."
      >
        <DraftInput
          {...group}
          field="outOfServiceQuantity"
          type="number"
          hintId="resource-outOfServiceQuantity-hint"
        />
      </Field>
      <div className="field">
        <span className="field__label">Prêtables</span>
        <output className="rform-lendable" htmlFor="resource-quantity resource-outOfServiceQuantity">
          {lendable === null ? '—' : lendable}
          <span className="rform-lendable__detail">= total − hors service</span>
        </output>
      </div>
    </FormSection>
  )
}
