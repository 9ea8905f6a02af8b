/**
 * Money in integer euro cents, and the one rounding rule: half up (to the cent above at exactly half
 * a cent), applied once per line. Products are computed exactly in BigInt, so that rounding happens
 * only once and large amounts lose nothing.
 */

/**
 * `numerator / denominator` rounded half up to a whole number; both non-negative integers.
 * @example roundHalfUp(5n, 2n) // 3 (2.5 → 3)
 * @throws RangeError when the denominator is not positive or the result exceeds 2^53
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new RangeError('Dénominateur non positif.')
  const result = (2n * numerator + denominator) / (2n * denominator)
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('Montant trop grand.')
  return Number(result)
}

/**
 * A line's amount: `quantity × area × units × rate × (100 + surcharge) / 100`, rounded half up.
 * Fractions are given as integers over their scale so that the product stays exact.
 * @param quantity units of the resource (40 chairs)
 * @param areaHundredths area in hundredths of m² (24 m² → 2400), or null when the rate is not per m²
 * @param unitsScaled time units counted, multiplied by `unitScale` (3 h 15 → 13 quarters, scale 4)
 * @param rateCents cents per unit (per m² and unit for area rates)
 * @param surchargePercent percent added, 0–500
 * @example lineAmountCents(40, null, 4, 1, 31, 0) // 4960
 */
export function lineAmountCents(
  quantity: number,
  areaHundredths: number | null,
  unitsScaled: number,
  unitScale: number,
  rateCents: number,
  surchargePercent: number,
): number {
  const numerator =
    BigInt(quantity) *
    BigInt(areaHundredths ?? 100) *
    BigInt(unitsScaled) *
    BigInt(rateCents) *
    BigInt(100 + surchargePercent)
  return roundHalfUp(numerator, 100n * BigInt(unitScale) * 100n)
}

/** `1 234,50 €` with a no-break space between thousands (one that every font has), as French documents write it. */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')}\u00a0€`
}

/** A quantity with a French decimal comma, at most two decimals: `3,25`, `24`. */
export function formatNumberFr(value: number): string {
  return (Math.round(value * 100) / 100).toString().replace('.', ',')
}
