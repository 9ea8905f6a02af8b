/**
 * The fields of a vehicle in the resource form: plate, required licence and inventory number, then its
 * counter (kilometres or engine hours) and its next roadworthiness test. Display only.
 */
import { Field, fieldA11y } from '../../components/Field'
import type { MeterUnit } from './model'
import { licenceCategories, unlistedLicence } from './model'
import { DraftDateInput, DraftInput, type FieldGroupProps, FormSection } from './ResourceFormParts'

const meterUnits = [
  ['km', 'Kilomètres'],
  ['hours', 'Heures moteur'],
] as const satisfies readonly (readonly [MeterUnit, string])[]

/**
 * A vehicle's fields in « Identification »: `Immatriculation`, `Permis requis` (`Aucun`, then
 * `Permis B`…`Permis DE`, plus the stored value when it is none of them) and `N° d'inventaire`.
 */
export function VehicleIdentityFields(group: FieldGroupProps) {
  const { draft, errorOf, onChange } = group
  const currentLicence = unlistedLicence(draft.licenceRequired)
  return (
    <>
      <Field id="resource-plate" label="Immatriculation" error={errorOf('plate')}>
        <DraftInput {...group} field="plate" placeholder="AB-123-CD" />
      </Field>
      <Field id="resource-licenceRequired" label="Permis requis" error={errorOf('licenceRequired')}>
        <select
          {...fieldA11y('resource-licenceRequired', errorOf('licenceRequired'))}
          value={draft.licenceRequired}
          onChange={(e) => onChange({ licenceRequired: e.target.value })}
        >
          <option value="">Aucun</option>
          {currentLicence ? <option value={currentLicence}>{currentLicence}</option> : null}
          {licenceCategories.map((l) => (
            <option key={l} value={l}>
              Permis {l}
            </option>
          ))}
        </select>
      </Field>
      <Field id="resource-inventoryNumber" label="N° d'inventaire" error={errorOf('inventoryNumber')}>
        <DraftInput {...group} field="inventoryNumber" />
      </Field>
    </>
  )
}

/**
 * The « Compteur et contrôle » section: radios `Kilomètres` / `Heures moteur`, then `Compteur (km)`
 * or `Compteur horaire (h)` (only the chosen one is saved), and `Prochain contrôle technique`.
 */
export function VehicleMeterSection(group: FieldGroupProps) {
  const { draft, errorOf, onChange } = group
  return (
    <FormSection title="Compteur et contrôle">
      <div className="field">
        <span className="field__label" id="resource-meterUnit-label">
          Compteur en
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="resource-meterUnit-label">
          {meterUnits.map(([unit, label]) => (
            <label key={unit} className={`segmented__option${draft.meterUnit === unit ? ' is-checked' : ''}`}>
              <input
                type="radio"
                name="resource-meterUnit"
                value={unit}
                checked={draft.meterUnit === unit}
                onChange={() => onChange({ meterUnit: unit })}
              />
              {label}
            </label>
          ))}
        </div>
      </div>
      {draft.meterUnit === 'km' ? (
        <Field id="resource-odometerKm" label="Compteur (km)" error={errorOf('odometerKm')}>
          <DraftInput {...group} field="odometerKm" type="number" />
        </Field>
      ) : (
        <Field id="resource-hourMeterHours" label="Compteur horaire (h)" error={errorOf('hourMeterHours')}>
          <DraftInput {...group} field="hourMeterHours" type="number" />
        </Field>
      )}
      <Field
        id="resource-nextInspectionDate"
        label="Prochain contrôle technique"
        error={errorOf('nextInspectionDate')}
        hint="Dernier jour de circulation autorisé."
      >
        <DraftDateInput {...group} field="nextInspectionDate" />
      </Field>
    </FormSection>
  )
}
