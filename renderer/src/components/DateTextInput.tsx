import { useRef, useState } from 'react'
import {
  formatDateText,
  formatDateTimeText,
  normalizeDateText,
  parseDateText,
  parseDateTimeText,
} from '../lib/period'

interface DateTextInputProps {
  readonly id: string
  /** The text as typed (`14/05/2027`, or `14/05/2027 08:30` with `withTime`). */
  readonly value: string
  readonly onChange: (text: string) => void
  /** Date and time (24-hour clock) instead of a date alone. */
  readonly withTime?: boolean
  readonly invalid?: boolean
  readonly describedBy?: string | undefined
}

/**
 * A date (or date and time) typed in French, `jj/mm/aaaa` and `hh:mm` on 24 hours whatever the
 * browser's language, with a button that opens the browser's date picker. The text is kept as
 * typed; it is tidied (`4/5/2027` → `04/05/2027`) when the field is left.
 */
export function DateTextInput({
  id,
  value,
  onChange,
  withTime = false,
  invalid,
  describedBy,
}: DateTextInputProps) {
  const picker = useRef<HTMLInputElement>(null)
  const [left, setLeft] = useState(false)
  const parsed = withTime ? parseDateTimeText(value) : parseDateText(value)
  const notUnderstood = left && value.trim() !== '' && parsed === null
  const formatHint = withTime ? 'jj/mm/aaaa hh:mm' : 'jj/mm/aaaa'

  const openPicker = () => {
    const input = picker.current
    if (!input) return
    try {
      input.showPicker()
    } catch {
      document.getElementById(id)?.focus()
    }
  }

  return (
    <div className="date-input">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={formatHint}
        className={withTime ? 'date-input__text date-input__text--time' : 'date-input__text'}
        value={value}
        aria-invalid={invalid || notUnderstood || undefined}
        aria-describedby={
          [describedBy, notUnderstood ? `${id}-format` : undefined].filter(Boolean).join(' ') || undefined
        }
        onChange={(e) => {
          setLeft(false)
          onChange(e.target.value)
        }}
        onBlur={() => {
          setLeft(true)
          const tidy = normalizeDateText(value, withTime)
          if (tidy !== value) onChange(tidy)
        }}
      />
      <button
        type="button"
        className="date-input__button"
        aria-label="Ouvrir le calendrier"
        title="Choisir dans le calendrier"
        onClick={openPicker}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path
            fill="currentColor"
            d="M4.5 1a.5.5 0 0 1 .5.5V2h6v-.5a.5.5 0 0 1 1 0V2h1.5A1.5 1.5 0 0 1 15 3.5v10a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 1 13.5v-10A1.5 1.5 0 0 1 2.5 2H4v-.5a.5.5 0 0 1 .5-.5zM2 6v7.5a.5.5 0 0 0 .5.5h11a.5.5 0 0 0 .5-.5V6H2zm2 2h2v2H4V8zm3 0h2v2H7V8zm3 0h2v2h-2V8z"
          />
        </svg>
      </button>
      <input
        ref={picker}
        type={withTime ? 'datetime-local' : 'date'}
        className="date-input__native"
        tabIndex={-1}
        aria-hidden="true"
        value={parsed ?? ''}
        onChange={(e) => {
          const picked = e.target.value
          if (picked) onChange(withTime ? formatDateTimeText(picked) : formatDateText(picked))
        }}
      />
      {notUnderstood ? (
        <p className="field__error" id={`${id}-format`}>
          Format attendu : {formatHint}
        </p>
      ) : null}
    </div>
  )
}
