/**
 * The lending rules of a resource in its form: « Soumis à validation du pôle » (its bookings are
 * requests the hub accepts or refuses) and, for equipment and vehicles, « Qualification requise de
 * l'opérateur » (a booking needs an agent holding it, or the commune's own qualified operator).
 * Display only.
 */
import { Field, fieldA11y } from '../../components/Field'
import type { ResourceDraft } from './model'

/** Qualifications offered while typing; any other text is accepted. */
const commonQualifications = [
  'CACES R482',
  'CACES R486',
  'CACES R489',
  'Permis BE',
  'Permis C',
  'Permis CE',
  'Habilitation électrique B1',
  'Certiphyto',
] as const

interface ApprovalFieldsProps {
  readonly draft: Pick<ResourceDraft, 'kind' | 'requiresApproval' | 'requiredQualification'>
  readonly errors: Readonly<Record<string, string>>
  readonly onChange: (patch: Partial<ResourceDraft>) => void
}

export function ApprovalFields({ draft, errors, onChange }: ApprovalFieldsProps) {
  const error = errors.requiredQualification
  return (
    <>
      <div className="field span-3">
        <label className="checkbox">
          <input
            type="checkbox"
            id="resource-requiresApproval"
            checked={draft.requiresApproval}
            onChange={(e) => onChange({ requiresApproval: e.target.checked })}
          />
          <span>Soumis à validation du pôle</span>
        </label>
        <p className="field__hint">
          Les demandes restent « demandées » jusqu’à ce que le pôle les accepte ou les refuse.
        </p>
        {errors.requiresApproval ? <p className="field__error">{errors.requiresApproval}</p> : null}
      </div>
      {draft.kind !== 'staff' ? (
        <Field
          id="resource-requiredQualification"
          label="Qualification requise de l'opérateur"
          error={error}
          hint="Un agent qui la détient, ou l’opérateur de la commune, doit être prévu à chaque prêt."
          className="span-2"
        >
          <input
            type="text"
            list="resource-requiredQualification-options"
            {...fieldA11y('resource-requiredQualification', error, 'resource-requiredQualification-hint')}
            placeholder="Aucune (ex. CACES R486, Permis C)"
            value={draft.requiredQualification}
            onChange={(e) => onChange({ requiredQualification: e.target.value })}
          />
          <datalist id="resource-requiredQualification-options">
            {commonQualifications.map((q) => (
              <option key={q} value={q} />
            ))}
          </datalist>
        </Field>
      ) : null}
    </>
  )
}
