/**
 * Building blocks shared by the groups of fields of the resource form: a titled section, and inputs
 * bound to one field of the draft. Input ids are `resource-<field>`, the API's field name, so that
 * labels, hints and error messages find them. Display only.
 */
import type { ReactNode } from 'react'
import { DateTextInput } from '../../components/DateTextInput'
import { fieldA11y } from '../../components/Field'
import type { DraftTextField, ResourceDraft } from './model'

/**
 * What each group of fields receives: the draft as typed, the error to show for an API path (see
 * `fieldError`), and the callback that applies a patch to the draft.
 */
export interface FieldGroupProps {
  readonly draft: ResourceDraft
  readonly errorOf: (path: string) => string | undefined
  readonly onChange: (patch: Partial<ResourceDraft>) => void
}

/** A section of the form: a fieldset with its title, its fields laid out on the form grid. */
export function FormSection({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <fieldset className="rform-section">
      <legend className="rform-section__title">{title}</legend>
      <div className="form-grid">{children}</div>
    </fieldset>
  )
}

interface DraftInputProps extends FieldGroupProps {
  readonly field: DraftTextField
  readonly type?: 'text' | 'number'
  readonly placeholder?: string
  readonly inputMode?: 'numeric' | 'decimal'
  /** Id of the field's hint, read by screen readers with the input. */
  readonly hintId?: string
}

/**
 * An `<input>` (text by default) editing one text field of the draft as typed; the text is converted
 * when saved, so a number field keeps whatever was typed until then.
 */
export function DraftInput({
  draft,
  errorOf,
  onChange,
  field,
  type = 'text',
  placeholder,
  inputMode,
  hintId,
}: DraftInputProps) {
  return (
    <input
      type={type}
      inputMode={inputMode}
      {...fieldA11y(`resource-${field}`, errorOf(field), hintId)}
      placeholder={placeholder}
      value={draft[field]}
      onChange={(e) => onChange({ [field]: e.target.value })}
    />
  )
}

/** A date field of the draft typed in French (`jj/mm/aaaa`), Europe/Paris calendar day. */
export function DraftDateInput({
  draft,
  errorOf,
  onChange,
  field,
}: FieldGroupProps & { readonly field: 'purchaseDate' | 'nextInspectionDate' }) {
  const error = errorOf(field)
  return (
    <DateTextInput
      id={`resource-${field}`}
      value={draft[field]}
      onChange={(value) => onChange({ [field]: value })}
      invalid={Boolean(error)}
      describedBy={error ? `resource-${field}-error` : undefined}
    />
  )
}
