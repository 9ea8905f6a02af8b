/**
 * « Prêt », the last section of the resource form: the buffers kept free around each loan, the
 * lending rules (approval, operator's qualification) and the notes. Display only.
 */
import { Field, fieldA11y } from '../../components/Field'
import { ApprovalFields } from './ApprovalFields'
import { type FieldGroupProps, FormSection } from './ResourceFormParts'

interface BufferFieldProps extends FieldGroupProps {
  readonly field: 'bufferBeforeMinutes' | 'bufferAfterMinutes'
  readonly label: string
  readonly hint: string
}

/** A buffer kept free before or after each loan, in minutes; its hint says what it is for. */
function BufferField({ draft, errorOf, onChange, field, label, hint }: BufferFieldProps) {
  const id = `resource-${field}`
  return (
    <Field id={id} label={label} error={errorOf(field)} hint={hint}>
      <input
        type="number"
        min={0}
        step={15}
        {...fieldA11y(id, errorOf(field), `${id}-hint`)}
        value={draft[field]}
        onChange={(e) => onChange({ [field]: e.target.value })}
      />
    </Field>
  )
}

/**
 * The « Prêt » section: `Marge avant (min)`, `Marge après (min)`, `Soumis à validation du pôle` and
 * `Qualification requise de l'opérateur` (`ApprovalFields`), `Notes`. `errors` are all the field
 * errors by API path, which `ApprovalFields` reads itself.
 */
export function LendingSection({
  errors,
  ...group
}: FieldGroupProps & { readonly errors: Readonly<Record<string, string>> }) {
  const { draft, errorOf, onChange } = group
  return (
    <FormSection title="Prêt">
      <BufferField
        {...group}
        field="bufferBeforeMinutes"
        label="Marge avant (min)"
        hint="Préparation avant chaque prêt"
      />
      <BufferField
        {...group}
        field="bufferAfterMinutes"
        label="Marge après (min)"
        hint="Retour, transport, nettoyage"
      />
      <ApprovalFields draft={draft} errors={errors} onChange={onChange} />
      <Field id="resource-notes" label="Notes" error={errorOf('notes')} className="span-3">
        <textarea
          rows={3}
          {...fieldA11y('resource-notes', errorOf('notes'))}
          value={draft.notes}
          onChange={(e) => onChange({ notes: e.target.value })}
        />
      </Field>
    </FormSection>
  )
}
