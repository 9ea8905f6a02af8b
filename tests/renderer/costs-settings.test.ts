import { describe, expect, it } from 'vitest'
import { defaultHubSettings } from '../../shared/costs/defaults'
import type { HubSettings } from '../../shared/domain/costs'
import { countingExamples } from '../../renderer/src/features/settings/examples'
import {
  clockOf,
  daysText,
  draftsFrom,
  previewSettings,
  sectionErrors,
  sectionInput,
  versionRows,
} from '../../renderer/src/features/settings/model'

const NBSP = '\u00a0'
const defaults = defaultHubSettings('hub')
const drafts = draftsFrom(defaults, '2026-11-30')

describe('hub settings forms', () => {
  it('fills the three forms from the settings in force, each applicable from today', () => {
    expect(drafts).toEqual({
      hourly: { validFrom: '30/11/2026', agentHourly: '18,00', vehicleHourly: '7,00', allDayHours: '7' },
      surcharges: {
        validFrom: '30/11/2026',
        nightStart: '21:00',
        nightEnd: '07:00',
        nightPercent: '25',
        holidayDayPercent: '25',
        holidayNightPercent: '50',
      },
      governance: { validFrom: '30/11/2026', minNoticeDays: '0', maxLoanDays: '', quotas: [] },
    })
  })

  it('checks each form on its own, by API path', () => {
    expect(sectionErrors('hourly', drafts)).toEqual({})
    expect(
      sectionErrors('hourly', {
        ...drafts,
        hourly: { ...drafts.hourly, allDayHours: '7,1', agentHourly: '' },
      }),
    ).toEqual({
      agentHourlyRateCents: 'Indiquez un taux horaire (0 s’il n’est pas refacturé).',
      allDayHours: 'Indiquez des heures en quarts d’heure, entre 0,25 et 24 (7, 7,25, 7,5…).',
    })
    expect(sectionErrors('hourly', { ...drafts, hourly: { ...drafts.hourly, allDayHours: '7,25' } })).toEqual(
      {},
    )
    expect(
      Object.keys(
        sectionErrors('surcharges', {
          ...drafts,
          surcharges: {
            ...drafts.surcharges,
            nightStart: '25:00',
            holidayNightPercent: '600',
            validFrom: '',
          },
        }),
      ).sort(),
    ).toEqual(['surcharges.holidayNightPercent', 'surcharges.nightStart', 'validFrom'])
    expect(
      sectionErrors('surcharges', {
        ...drafts,
        surcharges: { ...drafts.surcharges, nightStart: '7h', nightEnd: '07:00' },
      }),
    ).toEqual({ 'surcharges.nightEnd': 'La nuit commence et finit à des heures différentes.' })
    expect(
      sectionErrors('governance', {
        ...drafts,
        governance: {
          ...drafts.governance,
          maxLoanDays: '0',
          quotas: [
            { categoryId: 'tents', maxDays: '20', period: 'month' },
            { categoryId: 'tents', maxDays: '', period: 'month' },
            { categoryId: '', maxDays: '5', period: 'year' },
          ],
        },
      }),
    ).toEqual({
      'governance.maxLoanDays': 'Nombre de jours attendu, de 1 à 366 (vide : pas de limite).',
      'governance.quotas.1.categoryId': 'Cette catégorie a déjà un quota sur cette période.',
      'governance.quotas.1.maxDays': 'Nombre de jours attendu, de 1 à 366.',
      'governance.quotas.2.categoryId': 'Choisissez une catégorie.',
    })
  })

  it('sends only the form saved, in cents, local dates and clock times', () => {
    const typed = {
      hourly: { validFrom: '01/01/2027', agentHourly: '19,50', vehicleHourly: '7', allDayHours: '7,5' },
      surcharges: { ...drafts.surcharges, validFrom: '2027-01-01', nightStart: '22h', nightEnd: '6h30' },
      governance: {
        validFrom: '01/01/2027',
        minNoticeDays: '42',
        maxLoanDays: '',
        quotas: [{ categoryId: 'tents', maxDays: '20', period: 'month' as const }],
      },
    }
    expect(sectionInput('hourly', typed)).toEqual({
      validFrom: '2027-01-01',
      agentHourlyRateCents: 1950,
      vehicleHourlyRateCents: 700,
      allDayHours: 7.5,
    })
    expect(sectionInput('surcharges', typed)).toEqual({
      validFrom: '2027-01-01',
      surcharges: {
        nightStart: '22:00',
        nightEnd: '06:30',
        nightPercent: 25,
        holidayDayPercent: 25,
        holidayNightPercent: 50,
      },
    })
    expect(sectionInput('governance', typed)).toEqual({
      validFrom: '2027-01-01',
      governance: {
        minNoticeDays: 42,
        maxLoanDays: null,
        quotas: [{ categoryId: 'tents', maxDays: 20, period: 'month' }],
      },
    })
    expect(clockOf('7')).toBe('07:00')
    expect(clockOf('24:00')).toBeNull()
    expect(daysText(42)).toBe('42 jours (6 semaines)')
    expect(daysText(1)).toBe('1 jour')
    expect(daysText(0)).toBe('aucun')
  })

  it('lists the versions with the defaults still in force before the first one', () => {
    const future: HubSettings = {
      ...defaults,
      validFrom: '2027-01-01',
      agentHourlyRateCents: 1950,
      governance: {
        minNoticeDays: 42,
        maxLoanDays: 7,
        quotas: [{ categoryId: 'tents', maxDays: 20, period: 'month' }],
      },
      updatedAt: '2026-11-30T09:15:00.000Z',
      updatedBy: 'responsable',
    }
    const rows = versionRows(
      { current: defaults, versions: [future] },
      '2026-11-30',
      (id) => (id === 'tents' ? 'Tentes' : '?'),
      (iso) => `le ${iso.slice(0, 10)}`,
    )
    expect(rows).toEqual([
      {
        validFrom: '01/01/2027',
        state: 'future',
        hourly: `Agents 19,50${NBSP}€/h · véhicules 7,00${NBSP}€/h · 7 h par journée`,
        surcharges: `Nuit 21:00–07:00 +25${NBSP}% · dimanche et férié +25${NBSP}%, la nuit +50${NBSP}%`,
        governance: 'Délai 42 jours (6 semaines) · prêt de 7 jours au plus · Tentes : 20 j par mois',
        changed: 'le 2026-11-30 · responsable',
      },
      {
        validFrom: 'Depuis toujours',
        state: 'current',
        hourly: `Agents 18,00${NBSP}€/h · véhicules 7,00${NBSP}€/h · 7 h par journée`,
        surcharges: `Nuit 21:00–07:00 +25${NBSP}% · dimanche et férié +25${NBSP}%, la nuit +50${NBSP}%`,
        governance: 'Délai aucun · prêt sans limite',
        changed: 'Réglages d’origine',
      },
    ])
    expect(
      versionRows(
        { current: defaults, versions: [] },
        '2026-11-30',
        () => '',
        () => '',
      ).map((r) => r.state),
    ).toEqual(['current'])
  })
})

describe('worked examples of the counting rules (computed by shared/costs)', () => {
  it('gives the hand-computed amounts with the default rates and bands', () => {
    const examples = countingExamples(defaults)
    expect(examples.map((e) => [e.key, e.totalCents])).toEqual([
      // 40 × 4 days (Friday to Monday) × 0,31 €
      ['chairs', 4960],
      // 24 m² × 2 days × 7,80 €
      ['podium', 37440],
      // Saturday 18–21 h 3 h × 18 € + 21–24 h 3 h × 18 € × 1,25 + Sunday 0–2 h 2 h × 18 € × 1,5
      ['agent-weekend', 17550],
      // 14 July, 4 h × 18 € × 1,25
      ['agent-holiday', 9000],
      // 3 h 10 → 3 h 15 × 7 €
      ['vehicle', 2275],
      // 20 h to 8 h across the spring change: 11 h × 7 €
      ['vehicle-spring', 7700],
    ])
    expect(examples[2]?.lines.map((l) => [l.units, l.surchargePercent, l.amountCents])).toEqual([
      [3, 0, 5400],
      [3, 25, 6750],
      [2, 50, 5400],
    ])
  })

  it('follows the figures being typed, keeping the stored ones where the text cannot be read', () => {
    const typed = {
      ...drafts,
      hourly: { ...drafts.hourly, agentHourly: '20,00', vehicleHourly: 'abc' },
      surcharges: { ...drafts.surcharges, holidayDayPercent: '50' },
    }
    const preview = previewSettings(defaults, typed)
    expect([
      preview.agentHourlyRateCents,
      preview.vehicleHourlyRateCents,
      preview.surcharges.holidayDayPercent,
    ]).toEqual([2000, 700, 50])
    const examples = countingExamples(preview)
    // 4 h × 20 € × 1,5 on 14 July; the vehicle keeps 7 €.
    expect(examples.find((e) => e.key === 'agent-holiday')?.totalCents).toBe(12000)
    expect(examples.find((e) => e.key === 'vehicle')?.totalCents).toBe(2275)
    const broken = previewSettings(defaults, {
      ...typed,
      surcharges: { ...typed.surcharges, nightStart: 'xx' },
    })
    expect(broken.surcharges).toEqual(defaults.surcharges)
  })
})
