import type { ReactNode } from 'react'

/** Attributes that tie an input to its error message (`aria-invalid`, `aria-describedby`). */
export function fieldA11y(id: string, error: string | undefined, hintId?: string) {
  const describedBy = [error ? `${id}-error` : null, hintId ?? null].filter(Boolean).join(' ')
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const
}

interface FieldProps {
  readonly id: string
  readonly label: string
  readonly error?: string | undefined
  readonly hint?: string | undefined
  readonly required?: boolean
  readonly className?: string
  readonly children: ReactNode
}

/** A labelled form field: `<label for>` above the control, hint and error below. */
export function Field({ id, label, error, hint, required, className, children }: FieldProps) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <div className="field__label-row">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        {required ? (
          <span className="field__required" aria-hidden="true" title="obligatoire">
            *
          </span>
        ) : null}
      </div>
      {children}
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  )
}
