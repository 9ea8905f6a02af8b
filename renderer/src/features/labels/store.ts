/**
 * Labels sheet state: the QR codes made for inventory numbers (SVG data URLs, made once each) and
 * the first free slot of the sheet.
 */
import QRCode from 'qrcode'
import { create } from 'zustand'
import { svgDataUrl } from './model'

interface LabelsState {
  /** QR code image (`data:image/svg+xml…`) by inventory number. */
  readonly qr: Readonly<Record<string, string>>
  readonly error: string | null
  /** Slots of the first sheet already used (0 = start at the first label). */
  readonly skip: number
  readonly setSkip: (skip: number) => void
  /** Makes the QR codes still missing for these inventory numbers. */
  readonly prepare: (numbers: readonly string[]) => Promise<void>
}

export const useLabels = create<LabelsState>()((set, get) => ({
  qr: {},
  error: null,
  skip: 0,
  setSkip: (skip) => set({ skip }),
  prepare: async (numbers) => {
    const missing = [...new Set(numbers)].filter((n) => !(n in get().qr))
    if (missing.length === 0) return
    try {
      const made = await Promise.all(
        missing.map(
          async (n) => [n, svgDataUrl(await QRCode.toString(n, { type: 'svg', margin: 0 }))] as const,
        ),
      )
      set((s) => ({ qr: { ...s.qr, ...Object.fromEntries(made) }, error: null }))
    } catch (error) {
      set({
        error: `Les QR codes n’ont pas pu être générés : ${error instanceof Error ? error.message : String(error)}`,
      })
    }
  },
}))
