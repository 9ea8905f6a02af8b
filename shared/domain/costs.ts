/**
 * Types of cost sharing and governance (issue 7): rates per resource, the hub's settings (agents,
 * vehicles, surcharge bands, governance rules), cost reports and frozen statements, deposits, damage
 * charges and the usage report (« bilan d'utilisation »).
 *
 * Money is in integer euro cents. Instants are ISO 8601 UTC strings; local dates `YYYY-MM-DD` and
 * local times `HH:mm` are Europe/Paris. The counting rules live in shared/costs/ (pure functions).
 */

export const rateUnits = ['day', 'half_day', 'hour', 'm2_day', 'loan', 'none'] as const
/**
 * How a resource's rate counts: `day` per unit and local calendar day (tarif journalier), `half_day`
 * per unit and half-day (morning before 12:00, afternoon from 12:00), `hour` per unit and hour
 * (quarter hours rounded up), `m2_day` per m² of the resource's area and per day (podium, tents),
 * `loan` per unit and loan whatever its length; `none`: no rate from that date (withdrawn).
 */
export type RateUnit = (typeof rateUnits)[number]

/** One rate of a resource, in force from `validFrom` until the next rate of the same resource. */
export interface Rate {
  readonly id: string
  readonly resourceId: string
  readonly unit: RateUnit
  /** Cents per unit counted (per m² and day for `m2_day`); 0 for `none`. */
  readonly amountCents: number
  /**
   * Deposit asked per booking line of this resource, cents (caution), whatever the quantity; 0 when
   * none.
   */
  readonly depositCents: number
  /** Lent free to member communes: lines are counted and shown, at 0 €. */
  readonly free: boolean
  /** First local day (Europe/Paris) it applies to, `YYYY-MM-DD`, for bookings starting that day or later. */
  readonly validFrom: string
  readonly createdAt: string
  readonly createdBy: string
}

/** Surcharge bands of the agents' hourly rate, by the local clock (Europe/Paris). */
export interface SurchargeBands {
  /** Start of the night band, local `HH:mm` (21:00 by default). */
  readonly nightStart: string
  /** End of the night band, local `HH:mm`, the next morning when before `nightStart` (07:00). */
  readonly nightEnd: string
  /** Night on a weekday or Saturday, percent added to the hourly rate (25). */
  readonly nightPercent: number
  /** Daytime on a Sunday or a French public holiday, percent (25). */
  readonly holidayDayPercent: number
  /** Night on a Sunday or a French public holiday, percent (50). */
  readonly holidayNightPercent: number
}

/** A quota a commune may not exceed for a category in each calendar period. */
export interface CategoryQuota {
  /** The category (its sub-categories count too). */
  readonly categoryId: string
  /** Days of use allowed per commune and period: Σ quantity × local days covered. */
  readonly maxDays: number
  /** Calendar month or calendar year, Europe/Paris. */
  readonly period: 'month' | 'year'
}

/** Rules the council votes, checked by the backend at `bookings.create`. */
export interface GovernanceRules {
  /** Minimum days between today (local) and a request's first day; 0: none. */
  readonly minNoticeDays: number
  /** Longest loan, in local calendar days covered; null: no limit. */
  readonly maxLoanDays: number | null
  readonly quotas: readonly CategoryQuota[]
}

/** The hub's settings in force from `validFrom` (a new version for each change). */
export interface HubSettings {
  readonly hubId: string
  /** First local day it applies to, `YYYY-MM-DD`. */
  readonly validFrom: string
  /** Agents' hourly rate, cents (18 € from the Montpellier rate sheet, 2014). */
  readonly agentHourlyRateCents: number
  /** Vehicles' hourly rate, cents (7 €). */
  readonly vehicleHourlyRateCents: number
  /**
   * Hours counted per local day when an agent or a vehicle is booked for whole days (a day-long loan
   * has no clock times): 7 h, a 35-hour week over five days.
   */
  readonly allDayHours: number
  readonly surcharges: SurchargeBands
  readonly governance: GovernanceRules
  /** ISO 8601 UTC instant of the change; null for the built-in defaults. */
  readonly updatedAt: string | null
  readonly updatedBy: string | null
}

/** Result of `settings.get`: the version in force on the asked day, and every stored version. */
export interface HubSettingsState {
  readonly current: HubSettings
  /** Stored versions, latest `validFrom` first; empty while the defaults apply. */
  readonly versions: readonly HubSettings[]
}

export const costLineKinds = ['use', 'damage'] as const
/** `use`: a booking item at its rate; `damage`: returned damaged or missing, confirmed by the manager. */
export type CostLineKind = (typeof costLineKinds)[number]

/** Where a line's rate came from. */
export type RateSource = 'resource' | 'agent' | 'vehicle' | 'replacement' | 'missing'

/** One line of a cost report or a statement. */
export interface CostLine {
  readonly kind: CostLineKind
  readonly bookingId: string
  /** `RES-2027-0042`. */
  readonly bookingReference: string
  readonly bookingTitle: string
  readonly communeId: string
  readonly resourceId: string
  readonly resourceName: string
  /** The booking's period in French (« du 14/05/2027 au 17/05/2027 »). */
  readonly periodText: string
  /** Local date of the booking's first day (or of the damage confirmation), `YYYY-MM-DD`. */
  readonly date: string
  /** Units of the resource (40 chairs), or units charged for damage. */
  readonly quantity: number
  /** Time units counted: days, half-days, hours (quarter multiples), 1 per loan or per damaged unit. */
  readonly units: number
  readonly unit: RateUnit | 'unit'
  /** Area in m² for `m2_day` lines, else null. */
  readonly areaM2: number | null
  /** Cents per unit counted (per m² and day for `m2_day`), before surcharge. */
  readonly rateCents: number
  readonly rateSource: RateSource
  /** Percent added (agents' night, Sunday and holiday bands), 0 otherwise. */
  readonly surchargePercent: number
  /** French label of the band (« nuit », « dimanche ou jour férié, jour »), empty when none. */
  readonly bandLabel: string
  readonly free: boolean
  /**
   * `quantity × (areaM2 ?? 1) × units × rateCents × (100 + surchargePercent) / 100`, rounded half up
   * to the cent, once per line; 0 when `free`.
   */
  readonly amountCents: number
  /** What the line reads as, in French (« 40 × 4 jours × 0,31 € »). */
  readonly detail: string
}

/** Lines and total of one commune. */
export interface CommuneCosts {
  readonly communeId: string
  readonly communeName: string
  readonly inseeCode: string
  readonly lines: readonly CostLine[]
  /** Sum of the lines' amounts, cents. */
  readonly totalCents: number
}

/** Result of `reports.costs`: per commune (only those with lines), and the grand total. */
export interface CostReport {
  /** Local dates, both inclusive. */
  readonly from: string
  readonly to: string
  readonly communes: readonly CommuneCosts[]
  readonly totalCents: number
  /** The counting rules, in French, as printed under a statement. */
  readonly rules: readonly string[]
}

/** A frozen statement (relevé de refacturation): stored lines that never change. */
export interface Statement {
  readonly id: string
  /** `REL-2027-0001`: local year of issue, then a counter. */
  readonly number: string
  readonly hubId: string
  readonly communeId: string
  /** The commune's name and INSEE code when issued. */
  readonly communeName: string
  readonly inseeCode: string
  readonly from: string
  readonly to: string
  /** ISO 8601 UTC instant. */
  readonly issuedAt: string
  readonly issuedBy: string
  readonly totalCents: number
  readonly lines: readonly CostLine[]
  readonly rules: readonly string[]
}

/** A statement in a list, without its lines. */
export type StatementSummary = Omit<Statement, 'lines' | 'rules'> & { readonly lineCount: number }

/** A booking's deposit: what its rates ask, and what was received and given back. */
export interface Deposit {
  readonly bookingId: string
  readonly bookingReference: string
  readonly bookingTitle: string
  /** The booking's period in French (« du 14/05/2027 au 17/05/2027 »). */
  readonly periodText: string
  readonly communeId: string
  /** Σ over the booking's lines of their rate's deposit (once per line, whatever the quantity), cents. */
  readonly expectedCents: number
  readonly receivedCents: number | null
  /** ISO 8601 UTC instant. */
  readonly receivedAt: string | null
  readonly receivedBy: string | null
  readonly returnedCents: number | null
  readonly returnedAt: string | null
  readonly returnedBy: string | null
  /** Kept by the hub (received − returned), once returned; else null. */
  readonly retainedCents: number | null
  readonly notes: string
  /** `none`, `received` (held by the hub) or `returned` (given back, in part or in full). */
  readonly state: 'none' | 'received' | 'returned'
}

export const depositListStatuses = ['expected', 'received', 'returned'] as const
/**
 * What `deposits.list` filters on: `expected` (asked by the rates of an accepted or handed-out
 * booking, not received yet), `received` (held by the hub), `returned` (given back, in part or in full).
 */
export type DepositListStatus = (typeof depositListStatuses)[number]

export const damageDecisions = ['charge', 'waive'] as const
/** `charge`: the units are billed at their replacement value; `waive`: décidé de ne pas facturer. */
export type DamageDecision = (typeof damageDecisions)[number]

/**
 * The manager's decision on the damaged or missing units of a returned booking's item: charged at
 * their replacement value, or not billed, with the reason.
 */
export interface DamageCharge {
  readonly bookingId: string
  readonly resourceId: string
  readonly decision: DamageDecision
  /** Units charged; 0 when not billed. */
  readonly quantity: number
  /** Replacement value per unit, cents; 0 when not billed. */
  readonly unitValueCents: number
  /** ISO 8601 UTC instant of the decision. */
  readonly confirmedAt: string
  readonly confirmedBy: string
  readonly notes: string
  /** Why nothing is billed (`waive`); empty for a charge. */
  readonly reason: string
  /** The statement that bills it (`REL-2027-0004`), or null while none does (and always for `waive`). */
  readonly statementNumber: string | null
}

/** An item of a returned booking that came back damaged or missing and awaits the manager's decision. */
export interface PendingDamage {
  readonly bookingId: string
  /** `RES-2027-0042`. */
  readonly bookingReference: string
  readonly bookingTitle: string
  readonly communeId: string
  readonly resourceId: string
  readonly resourceName: string
  /** ISO 8601 UTC instant of the return. */
  readonly returnedAt: string
  /** Units lent on the booking. */
  readonly quantity: number
  readonly damagedQuantity: number
  /** Units not brought back. */
  readonly missingQuantity: number
  /** Damaged + missing: the most that may be charged. */
  readonly chargeableQuantity: number
  /**
   * The replacement value per unit `costs.confirmDamage` takes by default: purchase value ÷ units
   * owned, rounded half up, cents; null when the resource has no purchase value.
   */
  readonly defaultUnitValueCents: number | null
}

export const usageGroupings = ['resource', 'category', 'commune'] as const
export type UsageGrouping = (typeof usageGroupings)[number]

/** A commune's part of a usage row. */
export interface UsageShare {
  readonly communeId: string
  readonly communeName: string
  /** Unit-days used by this commune in the row. */
  readonly daysUsed: number
  /** Its part of the row's unit-days, 0–1. */
  readonly share: number
  readonly uses: number
}

/** One month of a usage row (or of the whole report). */
export interface UsageMonth {
  /** `YYYY-MM`, Europe/Paris calendar month. */
  readonly month: string
  readonly daysUsed: number
  /** Unit-days available that month (days of the month inside the period × units). */
  readonly daysAvailable: number
  /** `daysUsed / daysAvailable`, 0–1 (0 when nothing is available). */
  readonly shareUsed: number
  readonly uses: number
  readonly amountCents: number
}

/** One resource, category or commune of the usage report. */
export interface UsageRow {
  /** Resource, category or commune id; null for resources without category. */
  readonly key: string | null
  readonly label: string
  /** Units owned (Σ quantities of the resources of the row); for a commune row, the hub's units. */
  readonly units: number
  /** Unit-days used: Σ quantity × local days covered inside the period. */
  readonly daysUsed: number
  /** Days in the period × units. */
  readonly daysAvailable: number
  /** `daysUsed / daysAvailable`, 0–1 (0 when nothing is available). */
  readonly shareUsed: number
  /** Hours used (real elapsed, Σ quantity × hours) of timed bookings inside the period. */
  readonly hoursUsed: number
  /** Bookings counted (one use per booking line). */
  readonly uses: number
  /** Σ purchase values of the row's resources, cents (resources without one count 0). */
  readonly purchaseValueCents: number
  /** Purchase value ÷ uses, rounded half up; null without uses or purchase value. */
  readonly costPerUseCents: number | null
  /** Amount of the row's use lines at the rates in force, cents. */
  readonly amountCents: number
  /** Communes that used it, largest share first. */
  readonly communes: readonly UsageShare[]
  readonly months: readonly UsageMonth[]
}

/** A resource not used at all in the period. */
export interface IdleResource {
  readonly resourceId: string
  readonly name: string
  readonly categoryId: string | null
  readonly categoryName: string | null
  readonly purchaseValueCents: number | null
}

/** Result of `reports.usage`. */
export interface UsageReport {
  readonly from: string
  readonly to: string
  readonly groupBy: UsageGrouping
  readonly daysInPeriod: number
  readonly rows: readonly UsageRow[]
  readonly idle: readonly IdleResource[]
  /** The whole hub, month by month. */
  readonly months: readonly UsageMonth[]
  readonly totals: {
    readonly daysUsed: number
    readonly daysAvailable: number
    readonly shareUsed: number
    readonly uses: number
    readonly amountCents: number
  }
}
