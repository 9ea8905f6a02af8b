/**
 * The hub's settings before anyone changes them: the hourly rates and surcharge bands of the Ville de
 * Montpellier's municipal rates 2014 (délibération n° 2013/616 du 16/12/2013, section 3-7 « Services
 * exceptionnels (coût par agent mobilisé) »; open-data portal of the city, Licence Ouverte), copied
 * with their source in docs/data/montpellier-2014-tarifs.md. Governance rules are off, so that
 * nothing is refused until the council votes its rules.
 */
import type { HubSettings } from '../domain/costs'

/** The day from which the defaults apply: before any booking the application accepts. */
export const DEFAULTS_VALID_FROM = '1900-01-01'

/** Built-in settings of a hub (all amounts in cents). */
export function defaultHubSettings(hubId: string): HubSettings {
  return {
    hubId,
    validFrom: DEFAULTS_VALID_FROM,
    // « Tarif de 7h00 à 21h00 : 18,00 € H / agent ».
    agentHourlyRateCents: 1800,
    // « Tarif par heure et par véhicule : 7,00 € ».
    vehicleHourlyRateCents: 700,
    // Not in the sheet: a 35-hour week over five days, for agents and vehicles booked by whole days.
    allDayHours: 7,
    surcharges: {
      nightStart: '21:00',
      nightEnd: '07:00',
      // « de 21h00 à 7h00 : +25 % », « de 7h00 à 21h00 dimanches et jours fériés : +25 % »,
      // « de 21h00 à 7h00 dimanches et jours fériés : +50 % du tarif horaire ».
      nightPercent: 25,
      holidayDayPercent: 25,
      holidayNightPercent: 50,
    },
    governance: { minNoticeDays: 0, maxLoanDays: null, quotas: [] },
    updatedAt: null,
    updatedBy: null,
  }
}
