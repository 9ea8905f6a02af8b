import { describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../shared/domain/accounts'
import type { Resource } from '../../shared/domain/types'
import {
  accountDraftErrors,
  accountInput,
  effectiveRole,
  emptyAccountDraft,
  mayActOnBooking,
  routeAllowed,
} from '../../renderer/src/features/accounts/model'
import {
  emptyJournalFilters,
  entrySubject,
  journalFilterErrors,
  journalQuery,
} from '../../renderer/src/features/journal/model'

const TIFFAUGES = 'c0000000-0000-4000-8000-000000000001'
const GAUBRETIERE = 'c0000000-0000-4000-8000-000000000002'

describe('what the interface offers each role', () => {
  it('acts as the local administrator while no account exists, as nobody once one does', () => {
    expect(effectiveRole({ accountsExist: false, user: null })).toBe('admin')
    expect(effectiveRole({ accountsExist: true, user: null })).toBeNull()
    const user = {
      id: 'u',
      login: 'c.martin',
      displayName: 'Claire',
      role: 'secretary' as const,
      communeId: TIFFAUGES,
    }
    expect(effectiveRole({ accountsExist: true, user })).toBe('secretary')
  })

  it('shows the hub’s pages to the hub, accounts to administrators', () => {
    const pages = [
      'demandes',
      'depot',
      'journal',
      'comptes',
      'sauvegardes',
      'reservations',
      'planning',
    ] as const
    const shown = (role: Parameters<typeof routeAllowed>[0]) => pages.filter((p) => routeAllowed(role, p))
    expect(shown('admin')).toEqual([...pages])
    expect(shown('manager')).toEqual([
      'demandes',
      'depot',
      'journal',
      'sauvegardes',
      'reservations',
      'planning',
    ])
    expect(shown('viewer')).toEqual(['demandes', 'depot', 'journal', 'reservations', 'planning'])
    expect(shown('secretary')).toEqual(['reservations', 'planning'])
  })

  it('lets a secretary cancel her commune’s bookings only, and approve none', () => {
    const own = { communeId: TIFFAUGES }
    const other = { communeId: GAUBRETIERE }
    expect(mayActOnBooking('secretary', TIFFAUGES, own, 'cancel')).toBe(true)
    expect(mayActOnBooking('secretary', TIFFAUGES, other, 'cancel')).toBe(false)
    expect(mayActOnBooking('secretary', TIFFAUGES, own, 'approve')).toBe(false)
    expect(mayActOnBooking('manager', null, other, 'approve')).toBe(true)
    expect(mayActOnBooking('viewer', null, other, 'checkoutSlip')).toBe(true)
    expect(mayActOnBooking('viewer', null, other, 'cancel')).toBe(false)
  })
})

describe('the account form', () => {
  it('asks for a valid login, a name, 12 characters and a secretary’s commune', () => {
    expect(accountDraftErrors({ ...emptyAccountDraft, login: 'é', password: 'court' })).toEqual({
      login: '2 à 40 caractères : lettres sans accent, chiffres, point, tiret (ex. : c.martin).',
      displayName: 'Indiquez le nom affiché (ex. : Claire Martin).',
      password: '12 caractères au moins (une phrase facile à retenir convient).',
      communeId: 'Choisissez la commune de la secrétaire de mairie.',
    })
    const draft = {
      login: ' C.Martin ',
      displayName: ' Claire Martin ',
      password: 'pont-de-la-sèvre',
      role: 'secretary' as const,
      communeId: TIFFAUGES,
    }
    expect(accountDraftErrors(draft)).toEqual({})
    expect(accountInput(draft)).toEqual({
      login: 'c.martin',
      displayName: 'Claire Martin',
      password: 'pont-de-la-sèvre',
      role: 'secretary',
      communeId: TIFFAUGES,
    })
    expect(accountInput({ ...draft, role: 'manager' })).not.toHaveProperty('communeId')
  })
})

describe('the journal page', () => {
  it('turns the filters into journal.list, the last day included', () => {
    const filters = {
      ...emptyJournalFilters,
      from: '01/11/2026',
      to: '30/11/2026',
      actor: 'Claire Martin (c.martin)',
    }
    expect(journalFilterErrors(filters)).toEqual({})
    expect(journalQuery(filters, 'cursor')).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
      actor: 'Claire Martin (c.martin)',
      before: 'cursor',
    })
    expect(journalQuery(emptyJournalFilters)).toEqual({})
    expect(journalFilterErrors({ ...filters, from: '31/11/2026' })).toEqual({
      from: 'Date au format jj/mm/aaaa.',
    })
    expect(journalFilterErrors({ ...filters, to: '01/10/2026' })).toEqual({
      to: 'Le dernier jour doit suivre le premier.',
    })
  })

  it('says what each entry is about', () => {
    const entry = (entity: string, before: unknown, after: unknown, entityId = 'e1'): JournalEntry => ({
      id: 'a',
      at: '2026-11-29T10:00:00.000Z',
      actor: 'x',
      entity,
      entityId,
      action: 'update',
      before,
      after,
      siteId: 's',
      hlc: '2026-11-29T10:00:00.000Z-0000-s',
    })
    const resources = new Map([['r1', { id: 'r1', name: 'Nacelle 12 m', kind: 'equipment' } as Resource]])
    expect(
      entrySubject(entry('booking', null, { reference: 'RES-2026-0003', title: 'Fête' }), resources),
    ).toBe('RES-2026-0003 « Fête »')
    expect(entrySubject(entry('resource', { name: 'Nacelle' }, null, 'r1'), resources)).toBe(
      'Ressource « Nacelle 12 m »',
    )
    expect(entrySubject(entry('unavailability', null, { resourceId: 'r1' }), resources)).toBe(
      'Indisponibilité de « Nacelle 12 m »',
    )
    expect(
      entrySubject(entry('user', { displayName: 'Claire Martin', login: 'c.martin' }, null), resources),
    ).toBe('Compte Claire Martin (c.martin)')
  })
})
