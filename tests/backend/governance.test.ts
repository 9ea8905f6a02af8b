/**
 * Governance rules voted by the council (hub settings): minimum notice, longest loan and quotas per
 * commune, category and month, checked by `bookings.create` with exact French refusals; off by default.
 */
import { describe, expect, it } from 'vitest'
import { clockedBackend, type ClockedApi } from './costs-helpers'

/** Sunday 29/11/2026 11:00 in Paris, the demo's "now". */
const NOW = '2026-11-29T10:00:00Z'

async function demo(api: ClockedApi) {
  const communes = await api.ok('communes.list', {})
  const commune = (name: string) => communes.find((c) => c.name === name)!.id
  const resources = await api.ok('resources.list', {})
  const resource = (name: string) => resources.find((r) => r.name === name)!.id
  const categories = await api.ok('categories.list', {})
  return {
    tiffauges: commune('Tiffauges'),
    gaubretiere: commune('La Gaubretière'),
    barnum1: resource('Barnum 3 × 3 m n° 1'),
    barnum2: resource('Barnum 3 × 3 m n° 2'),
    chairs: resource('Chaises pliantes'),
    structures: categories.find((c) => c.name === 'Podiums, barnums et tentes')!.id,
  }
}

describe('governance rules', () => {
  it('are off by default, with the Montpellier rates as hub settings', async () => {
    const api = clockedBackend(NOW, 'demo')
    const settings = await api.ok('settings.get', {})
    expect(settings.versions).toEqual([])
    expect(settings.current).toMatchObject({
      validFrom: '1900-01-01',
      agentHourlyRateCents: 1800,
      vehicleHourlyRateCents: 700,
      allDayHours: 7,
      surcharges: {
        nightStart: '21:00',
        nightEnd: '07:00',
        nightPercent: 25,
        holidayDayPercent: 25,
        holidayNightPercent: 50,
      },
      governance: { minNoticeDays: 0, maxLoanDays: null, quotas: [] },
      updatedAt: null,
    })
  })

  it('refuse a late request, a long loan and a quota exceeded, with what to do', async () => {
    const api = clockedBackend(NOW, 'demo')
    const d = await demo(api)
    const state = await api.ok('settings.update', {
      validFrom: '2026-11-29',
      governance: {
        minNoticeDays: 42,
        maxLoanDays: 4,
        quotas: [{ categoryId: d.structures, maxDays: 6, period: 'month' }],
      },
    })
    expect(state.current.governance).toEqual({
      minNoticeDays: 42,
      maxLoanDays: 4,
      quotas: [{ categoryId: d.structures, maxDays: 6, period: 'month' }],
    })
    expect(state.current).toMatchObject({
      validFrom: '2026-11-29',
      updatedBy: 'administrateur local',
      agentHourlyRateCents: 1800,
    })
    const ask = (communeId: string, start: string, end: string, resourceId: string) => ({
      communeId,
      title: 'Fête',
      start,
      end,
      items: [{ resourceId }],
    })

    // 29/11/2026 → 09/01/2027 is 41 days: one too few.
    const late = await api.fail('bookings.create', ask(d.tiffauges, '2027-01-09', '2027-01-09', d.chairs))
    expect(late).toEqual({
      code: 'INVALID_INPUT',
      message:
        'Demande trop tardive : le pôle technique doit être prévenu au moins 42 jours à l’avance (règle votée par le ' +
        'conseil), et le 09/01/2027 est dans 41 jours. Choisissez un début à partir du 10/01/2027, ou voyez avec le pôle technique.',
      details: { issues: [{ path: 'start', message: late.message }], rule: 'minNotice' },
    })
    await api.ok('bookings.create', ask(d.tiffauges, '2027-01-10', '2027-01-10', d.chairs))

    const long = await api.fail('bookings.create', ask(d.tiffauges, '2027-02-01', '2027-02-05', d.chairs))
    expect(long.message).toBe(
      'Durée trop longue : un prêt dure au plus 4 jours (règle votée par le conseil), et cette demande en couvre 5. ' +
        'Raccourcissez la période.',
    )
    expect(long.details).toMatchObject({ rule: 'maxLoan' })

    // Tents and barnums: 6 days a month per commune. 4 days, then 3 more in March = 7.
    const first = await api.ok('bookings.create', ask(d.tiffauges, '2027-03-05', '2027-03-08', d.barnum1))
    const quota = await api.fail('bookings.create', ask(d.tiffauges, '2027-03-12', '2027-03-14', d.barnum2))
    expect(quota.message).toBe(
      'Quota dépassé : Tiffauges a droit à 6 jours de « Podiums, barnums et tentes » par mois (règle votée par le ' +
        'conseil) ; en mars 2027, 4 jours sont déjà demandés ou réservés et cette demande en compte 3. Réduisez la ' +
        'durée ou la quantité, ou voyez avec le pôle technique.',
    )
    expect(quota.details).toMatchObject({ rule: 'quota', issues: [{ path: 'items' }] })
    // Across months: 30–31 March (2 days, 4 + 2 = 6) and 1 April (1 day).
    await api.ok('bookings.create', ask(d.tiffauges, '2027-03-30', '2027-04-01', d.barnum2))
    // Another commune has its own quota.
    await api.ok('bookings.create', ask(d.gaubretiere, '2027-03-12', '2027-03-14', d.barnum2))
    // A cancelled booking no longer counts: 2 (30–31 March) + 3 = 5.
    await api.ok('bookings.cancel', { id: first.id })
    await api.ok('bookings.create', ask(d.tiffauges, '2027-03-15', '2027-03-17', d.barnum1))
  })

  it('apply a settings version from its day only', async () => {
    const api = clockedBackend(NOW, 'demo')
    const d = await demo(api)
    await api.ok('settings.update', { validFrom: '2027-06-01', governance: { minNoticeDays: 10 } })
    // Today (29/11/2026) the defaults still apply: no notice.
    await api.ok('bookings.create', {
      communeId: d.tiffauges,
      title: 'Demain',
      start: '2026-11-30',
      end: '2026-11-30',
      items: [{ resourceId: d.chairs, quantity: 5 }],
    })
    expect((await api.ok('settings.get', {})).current.governance.minNoticeDays).toBe(0)
    const june = await api.ok('settings.get', { date: '2027-06-01' })
    expect(june.current.governance.minNoticeDays).toBe(10)
    expect(june.versions.map((v) => v.validFrom)).toEqual(['2027-06-01'])
    // From 01/06/2027 the rule is in force.
    api.setNow(Date.parse('2027-06-01T08:00:00Z'))
    const refused = await api.fail('bookings.create', {
      communeId: d.tiffauges,
      title: 'Trop tôt',
      start: '2027-06-05',
      end: '2027-06-05',
      items: [{ resourceId: d.chairs, quantity: 5 }],
    })
    expect(refused.message).toBe(
      'Demande trop tardive : le pôle technique doit être prévenu au moins 10 jours à l’avance (règle votée par le ' +
        'conseil), et le 05/06/2027 est dans 4 jours. Choisissez un début à partir du 11/06/2027, ou voyez avec le pôle technique.',
    )
    const badQuota = await api.fail('settings.update', {
      validFrom: '2027-06-01',
      governance: {
        quotas: [{ categoryId: '00000000-0000-4000-8000-000000000000', maxDays: 6, period: 'month' }],
      },
    })
    expect([badQuota.code, badQuota.message]).toEqual(['NOT_FOUND', 'Cette catégorie n’existe pas.'])
  })

  it('carry a change forward into the versions saved for later days, up to one with its own value', async () => {
    const api = clockedBackend(NOW, 'demo')
    const d = await demo(api)
    // A version planned from 01/01/2027 for the agents' rate only.
    await api.ok('settings.update', { validFrom: '2027-01-01', agentHourlyRateCents: 2000 })
    // Then the council votes 6 weeks' notice from today: it must not lapse on 01/01/2027.
    const state = await api.ok('settings.update', {
      validFrom: '2026-11-29',
      governance: { minNoticeDays: 42, maxLoanDays: null, quotas: [] },
    })
    const summary = (versions: typeof state.versions) =>
      versions.map((v) => [
        v.validFrom,
        v.agentHourlyRateCents,
        v.governance.minNoticeDays,
        v.governance.maxLoanDays,
        v.updatedAt,
      ])
    expect(summary(state.versions)).toEqual([
      ['2027-01-01', 2000, 42, null, '2026-11-29T10:00:00.000Z'],
      ['2026-11-29', 1800, 42, null, '2026-11-29T10:00:00.000Z'],
    ])
    // A version from 01/06/2027 with its own notice (30 days) and longest loan (4 days).
    await api.ok('settings.update', {
      validFrom: '2027-06-01',
      governance: { minNoticeDays: 30, maxLoanDays: 4, quotas: [] },
    })
    api.setNow(Date.parse('2027-01-05T08:00:00Z'))
    const late = await api.fail('bookings.create', {
      communeId: d.tiffauges,
      title: 'Galette des rois',
      start: '2027-01-20',
      end: '2027-01-20',
      items: [{ resourceId: d.chairs, quantity: 10 }],
    })
    expect(late.message).toBe(
      'Demande trop tardive : le pôle technique doit être prévenu au moins 42 jours à l’avance (règle votée par le ' +
        'conseil), et le 20/01/2027 est dans 15 jours. Choisissez un début à partir du 16/02/2027, ou voyez avec le pôle technique.',
    )

    // The Paramètres form sends its whole section: only the notice really changes (42 → 56).
    const again = await api.ok('settings.update', {
      validFrom: '2027-01-05',
      governance: { minNoticeDays: 56, maxLoanDays: null, quotas: [] },
    })
    expect(summary(again.versions)).toEqual([
      // Its own values stay: the change stops at it, and it is not rewritten.
      ['2027-06-01', 2000, 30, 4, '2026-11-29T10:00:00.000Z'],
      ['2027-01-05', 2000, 56, null, '2027-01-05T08:00:00.000Z'],
      ['2027-01-01', 2000, 42, null, '2026-11-29T10:00:00.000Z'],
      ['2026-11-29', 1800, 42, null, '2026-11-29T10:00:00.000Z'],
    ])
    expect(again.current.governance.minNoticeDays).toBe(56)

    // Every version written is journaled, the one the first change was carried into too.
    const hubId = state.current.hubId
    const journal = await api.ok('journal.list', { entityId: hubId })
    expect(
      journal.entries
        .filter((e) => e.entity === 'hub_settings')
        .map((e) => [e.action, (e.after as { validFrom: string }).validFrom]),
    ).toEqual([
      ['update', '2027-01-05'],
      ['update', '2027-06-01'],
      ['update', '2027-01-01'],
      ['update', '2026-11-29'],
      ['update', '2027-01-01'],
    ])
  })

  it('refuse a carried change that would break a later version, naming it, and store nothing', async () => {
    const api = clockedBackend(NOW, 'demo')
    await api.ok('settings.update', { validFrom: '2027-01-01', surcharges: { nightEnd: '22:00' } })
    const refused = await api.fail('settings.update', {
      validFrom: '2026-12-01',
      surcharges: { nightStart: '22:00', nightPercent: 30 },
    })
    expect([refused.code, refused.message]).toEqual([
      'INVALID_INPUT',
      'La version des réglages applicable à partir du 01/01/2027 reçoit aussi ce changement, et sa nuit commencerait ' +
        'et finirait à 22:00 : changez aussi la fin de la nuit, ou modifiez d’abord cette version.',
    ])
    const state = await api.ok('settings.get', {})
    expect(state.versions.map((v) => [v.validFrom, v.surcharges.nightStart, v.surcharges.nightEnd])).toEqual([
      ['2027-01-01', '21:00', '22:00'],
    ])
    // The percent alone is carried: 25 → 30 in both versions.
    const ok = await api.ok('settings.update', { validFrom: '2026-12-01', surcharges: { nightPercent: 30 } })
    expect(ok.versions.map((v) => [v.validFrom, v.surcharges.nightPercent, v.surcharges.nightEnd])).toEqual([
      ['2027-01-01', 30, '22:00'],
      ['2026-12-01', 30, '07:00'],
    ])
  })
})
