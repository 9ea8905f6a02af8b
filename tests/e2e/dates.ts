/**
 * Dates for end-to-end tests, relative to today in Europe/Paris: the demo data the server seeds is
 * placed relative to today too, and the booking list shows the coming months only.
 */

export interface TestDay {
  /** `2027-01-18` */
  readonly iso: string
  /** `18/01/2027`, as typed in the form */
  readonly fr: string
  /** `Janvier 2027`, the calendar's title for its month */
  readonly monthTitle: string
}

function todayInParis(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())
}

/** The day `days` after today (Europe/Paris). Beyond 45 days, no demo booking is in the way. */
export function dayFromToday(days: number): TestDay {
  const [y, m, d] = todayInParis().split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d + days))
  const iso = date.toISOString().slice(0, 10)
  const month = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  )
  return {
    iso,
    fr: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
    monthTitle: month.charAt(0).toUpperCase() + month.slice(1),
  }
}
