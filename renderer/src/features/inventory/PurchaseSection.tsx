/**
 * « Achat et tarif » in the resource form (« Tarif » for an agent): purchase date and value, daily
 * rate, floor area for rates per m². Amounts are typed in euros and saved in cents. Display only.
 */
import { Field } from '../../components/Field'
import { AreaField } from '../costs/AreaField'
import { MoneyInput } from '../costs/MoneyInput'
import { DraftDateInput, type FieldGroupProps, FormSection } from './ResourceFormParts'

/** An amount field of the draft in euros (`1 234,50`), tidied when the field is left. */
function DraftMoneyInput({
  draft,
  errorOf,
  onChange,
  field,
  hintId,
}: FieldGroupProps & { readonly field: 'purchaseValueCents' | 'dailyRateCents'; readonly hintId?: string }) {
  return (
    <MoneyInput
      id={`resource-${field}`}
      value={draft[field]}
      onChange={(text) => onChange({ [field]: text })}
      error={errorOf(field)}
      hintId={hintId}
    />
  )
}

/**
 * The purchase and rate section: `Date d'achat` and `Valeur d'achat` (not for agents, who are not
 * bought), `Tarif journalier` (per unit and per day for a stock), and `Surface au sol (m²)` for
 * equipment (`AreaField`, owned by the cost-sharing feature).
 */
export function PurchaseSection(group: FieldGroupProps) {
  const { draft, errorOf, onChange } = group
  const isStock = draft.kind === 'equipment' && draft.tracking === 'stock'
  return (
    <FormSection title={draft.kind === 'staff' ? 'Tarif' : 'Achat et tarif'}>
      {draft.kind !== 'staff' ? (
        <>
          <Field id="resource-purchaseDate" label="Date d'achat" error={errorOf('purchaseDate')}>
            <DraftDateInput {...group} field="purchaseDate" />
          </Field>
          <Field
            id="resource-purchaseValueCents"
            label="Valeur d'achat"
            error={errorOf('purchaseValueCents')}
          >
            <DraftMoneyInput {...group} field="purchaseValueCents" />
          </Field>
        </>
      ) : null}
      <Field
        id="resource-dailyRateCents"
        label="Tarif journalier"
        error={errorOf('dailyRateCents')}
        hint={`${isStock ? 'Par unité et par jour.' : 'Par jour de prêt.'} Autres tarifs (heure, m², prêt, caution) : fiche de la ressource.`}
      >
        <DraftMoneyInput {...group} field="dailyRateCents" hintId="resource-dailyRateCents-hint" />
      </Field>
      <AreaField draft={draft} error={errorOf('areaM2')} onChange={onChange} />
    </FormSection>
  )
}
