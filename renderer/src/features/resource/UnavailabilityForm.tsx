import type { FormEvent } from 'react'
import type { Resource, UnavailabilityKind } from '../../../../shared/domain/types'
import { Field, fieldA11y } from '../../components/Field'
import { Banner } from '../../components/Feedback'
import { PeriodInput } from '../../components/PeriodInput'
import { unavailabilityKindLabel } from '../../lib/labels'
import type { UnavailabilityDraft } from './model'
import { unavailabilityKindsFor } from './model'
import type { UnavailabilityEditor } from './store'

interface UnavailabilityFormProps {
  readonly resource: Resource
  readonly editor: UnavailabilityEditor
  readonly onChange: (patch: Partial<UnavailabilityDraft>) => void
  readonly onSubmit: () => void
}

/** A new unavailability: motif, raison, période, and for a stock the units withdrawn. Display only. */
export function UnavailabilityForm({ resource, editor, onChange, onSubmit }: UnavailabilityFormProps) {
  const { draft, errors } = editor
  const isStock = resource.tracking === 'stock'
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <form id="unavailability-form" className="form" onSubmit={submit} noValidate>
      {editor.formError ? <Banner tone="error">{editor.formError}</Banner> : null}
      <div className="form-grid rd-unav-grid">
        <Field id="unavailability-kind" label="Motif" error={errors.kind}>
          <select
            {...fieldA11y('unavailability-kind', errors.kind)}
            value={draft.kind}
            onChange={(e) => onChange({ kind: e.target.value as UnavailabilityKind })}
          >
            {unavailabilityKindsFor(resource.kind).map((k) => (
              <option key={k} value={k}>
                {unavailabilityKindLabel(k)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="unavailability-reason" label="Raison" error={errors.reason} required>
          <input
            type="text"
            {...fieldA11y('unavailability-reason', errors.reason)}
            placeholder={
              resource.kind === 'staff' ? 'ex. congés annuels' : 'ex. révision annuelle, pneu crevé'
            }
            value={draft.reason}
            onChange={(e) => onChange({ reason: e.target.value })}
          />
        </Field>
      </div>
      <PeriodInput
        idPrefix="unavailability"
        value={draft.period}
        onChange={(period) => onChange({ period })}
        errors={errors}
      />
      {isStock ? (
        <Field
          id="unavailability-quantity"
          label="Quantité retirée"
          error={errors.quantity}
          hint={`sur ${resource.quantity} en stock`}
          required
          className="rd-unav-qty"
        >
          <input
            type="number"
            min={1}
            max={resource.quantity}
            {...fieldA11y('unavailability-quantity', errors.quantity, 'unavailability-quantity-hint')}
            value={draft.quantity}
            onChange={(e) => onChange({ quantity: e.target.value })}
          />
        </Field>
      ) : null}
      <p className="field__hint">
        Les réservations déjà faites sur cette période ne sont pas annulées : elles vous seront listées pour
        que vous préveniez les communes.
      </p>
    </form>
  )
}
