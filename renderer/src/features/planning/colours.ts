/**
 * The colours of the communes: a fixed, print-friendly palette. Pure functions, no DOM, no store, no
 * machine time zone.
 */
import type { Commune } from '../../../../shared/domain/types'

/** A commune's colour: fill, text on it, and a lighter tint for hatching. */
export interface CommuneColor {
  readonly fill: string
  readonly text: string
  readonly tint: string
}

/**
 * Fixed palette (Paul Tol's "muted" scheme, distinct for colour-blind readers and still apart when
 * printed in grey, followed by a few of his "bright" ones), in the order communes receive them.
 */
export const communePalette: readonly string[] = [
  '#332288',
  '#117733',
  '#CC6677',
  '#88CCEE',
  '#DDCC77',
  '#AA4499',
  '#44AA99',
  '#882255',
  '#999933',
  '#4477AA',
  '#EE6677',
  '#228833',
]

function channel(hex: string, offset: number): number {
  return parseInt(hex.slice(offset, offset + 2), 16) / 255
}

/** Relative luminance (WCAG 2) of `#RRGGBB`. */
export function luminance(hex: string): number {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  return 0.2126 * lin(channel(hex, 1)) + 0.7152 * lin(channel(hex, 3)) + 0.0722 * lin(channel(hex, 5))
}

/** Mixes `#RRGGBB` with white: `amount` 0 keeps the colour, 1 gives white. */
export function tint(hex: string, amount: number): string {
  const mix = (offset: number) =>
    Math.round((channel(hex, offset) + (1 - channel(hex, offset)) * amount) * 255)
      .toString(16)
      .padStart(2, '0')
  return `#${mix(1)}${mix(3)}${mix(5)}`.toUpperCase()
}

/** Colour of one palette entry: dark text on light fills, white on dark ones (the higher contrast). */
export function paletteColor(index: number): CommuneColor {
  const fill = communePalette[index % communePalette.length] ?? '#4477AA'
  const l = luminance(fill)
  const darkText = '#1C2430'
  // Contrast with white: 1.05 / (l + 0.05); with the dark text (luminance ≈ 0.017): (l + 0.05) / 0.067.
  const text = 1.05 / (l + 0.05) >= (l + 0.05) / 0.067 ? '#FFFFFF' : darkText
  return { fill, text, tint: tint(fill, 0.72) }
}

/**
 * Colours by commune id: the communes served by a hub first, then the others, each group by INSEE
 * code, take the palette in order, so a commune keeps its colour from one session to the next.
 */
export function communeColors(communes: readonly Commune[]): Map<string, CommuneColor> {
  const ordered = [...communes].sort(
    (a, b) => Number(a.hubId === null) - Number(b.hubId === null) || a.inseeCode.localeCompare(b.inseeCode),
  )
  return new Map(ordered.map((c, i) => [c.id, paletteColor(i)]))
}
