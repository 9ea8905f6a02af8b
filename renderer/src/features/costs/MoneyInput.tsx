import { fieldA11y } from '../../components/Field'
import { formatCents, parseEuros } from '../inventory/amounts'

interface MoneyInputProps {
  readonly id: string
  /** Euros as typed (`1 234,50`). */
  readonly value: string
  readonly onChange: (text: string) => void
  readonly error?: string | undefined
  readonly hintId?: string
  readonly placeholder?: string
}

/**
 * An amount in euros typed the French way, with the € sign after it; tidied to `1 234,50` when the
 * field is left, if it can be read. Display only.
 */
export function MoneyInput({ id, value, onChange, error, hintId, placeholder = '0,00' }: MoneyInputProps) {
  return (
    <div className="rform-money">
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        {...fieldA11y(id, error, hintId)}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          const parsed = parseEuros(value)
          if (parsed.ok && parsed.value !== null && formatCents(parsed.value) !== value) {
            onChange(formatCents(parsed.value))
          }
        }}
      />
      <span className="rform-money__unit" aria-hidden="true">
        €
      </span>
    </div>
  )
}
