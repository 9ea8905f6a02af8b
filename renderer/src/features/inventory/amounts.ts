/**
 * Amounts in euros typed the French way (1 234,50) and their cents. Pure functions, no DOM, no store.
 */

const SPACES = /[\s\u00a0\u202f]/g

/**
 * Cents → euros as French offices write them, without the currency sign: `123450` → `1 234,50`
 * (thousands grouped with a no-break space U+00A0, always two decimals), `-5` → `-0,05`.
 */
export function formatCents(cents: number): string {
  const negative = cents < 0
  const abs = Math.abs(Math.round(cents))
  const euros = Math.floor(abs / 100)
  const rest = String(abs % 100).padStart(2, '0')
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')
  return `${negative ? '-' : ''}${grouped},${rest}`
}

/** Cents → `1 234,50 €` for display; `—` for null. */
export function formatMoney(cents: number | null): string {
  return cents === null ? '—' : `${formatCents(cents)}\u00a0€`
}

/** A parsed field: the value, or why the text cannot be read. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string }

const AMOUNT_MESSAGE = 'Montant non reconnu : écrivez-le en euros, par ex. 1 234,50.'

/**
 * Euros as typed → cents. Accepts `1234,5`, `1 234,50`, `1.234,50`, `1234.50`, `1 234,50 €`, `12`;
 * '' → null. More than two decimals, letters, or a negative amount cannot be read.
 */
export function parseEuros(input: string): Parsed<number | null> {
  const value = input.replace(SPACES, '').replace(/€$/, '')
  if (value === '') return { ok: true, value: null }
  let normalized: string
  if (value.includes(',')) {
    // Decimal comma; dots can only group thousands (1.234,50).
    if (!/^\d{1,3}(\.\d{3})*,\d{1,2}$|^\d+,\d{1,2}$/.test(value))
      return { ok: false, message: AMOUNT_MESSAGE }
    normalized = value.replace(/\./g, '').replace(',', '.')
  } else if (/^\d+(\.\d{1,2})?$/.test(value)) {
    normalized = value
  } else if (/^\d{1,3}(\.\d{3})+$/.test(value)) {
    normalized = value.replace(/\./g, '')
  } else {
    return { ok: false, message: AMOUNT_MESSAGE }
  }
  const [euros = '0', decimals = ''] = normalized.split('.')
  const cents = Number(euros) * 100 + Number(decimals.padEnd(2, '0'))
  return Number.isSafeInteger(cents) ? { ok: true, value: cents } : { ok: false, message: AMOUNT_MESSAGE }
}
