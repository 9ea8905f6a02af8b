import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { migrations } from '../../electron/backend/db/migrations'
import { openBackend } from '../../electron/backend/index'
import { makeTrustBackend } from './accounts-helpers'
import { NOW, tempDir } from './helpers'

const now = () => NOW
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('migration 004', () => {
  it('gives existing journal entries this site’s id and ordered timestamps, and keeps them append-only', () => {
    const dir = tempDir()
    const db = new Database(join(dir, DATABASE_FILE))
    migrate(db, migrations, join(dir, 'backups'), now, 3)
    const insert = db.prepare(
      `INSERT INTO audit_log (id, at, actor, entity, entity_id, action, before_json, after_json)
       VALUES (?, ?, 'administrateur local', 'resource', 'r1', ?, NULL, ?)`,
    )
    insert.run('a1', '2026-11-29T10:00:00.000Z', 'create', '{"name":"Nacelle"}')
    // Written by a machine whose clock had been put back an hour.
    insert.run('a2', '2026-11-29T09:00:00.000Z', 'update', '{"name":"Nacelle 12 m"}')
    insert.run('a3', '2026-11-29T11:30:00.000Z', 'archive', null)
    migrate(db, migrations, join(dir, 'backups'), now, 4)
    const siteId = db.prepare("SELECT value FROM settings WHERE key = 'site_id'").pluck().get() as string
    expect(siteId).toMatch(UUID_RE)
    expect(
      db.prepare('SELECT seq, id, at, action, after_json, site_id, hlc FROM audit_log ORDER BY seq').all(),
    ).toEqual([
      {
        seq: 1,
        id: 'a1',
        at: '2026-11-29T10:00:00.000Z',
        action: 'create',
        after_json: '{"name":"Nacelle"}',
        site_id: siteId,
        hlc: `2026-11-29T10:00:00.000Z-0000-${siteId}`,
      },
      {
        seq: 2,
        id: 'a2',
        at: '2026-11-29T09:00:00.000Z',
        action: 'update',
        after_json: '{"name":"Nacelle 12 m"}',
        site_id: siteId,
        hlc: `2026-11-29T10:00:00.000Z-0001-${siteId}`,
      },
      {
        seq: 3,
        id: 'a3',
        at: '2026-11-29T11:30:00.000Z',
        action: 'archive',
        after_json: null,
        site_id: siteId,
        hlc: `2026-11-29T11:30:00.000Z-0000-${siteId}`,
      },
    ])
    expect(db.prepare("SELECT value FROM settings WHERE key = 'hlc_last'").pluck().get()).toBe(
      `2026-11-29T11:30:00.000Z-0000-${siteId}`,
    )
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/ne se modifie pas/)
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/ne se supprime pas/)
    expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0)
    db.close()
  })
})

describe('journal timestamps', () => {
  it('never go backwards across a restart with the clock put back', async () => {
    const dir = tempDir()
    const first = openBackend({ dataDir: dir, seed: 'empty', now: () => NOW })
    await first.dispatch('resources.create', { kind: 'equipment', name: 'Nacelle' }, { channel: 'test' })
    first.close()
    const t = makeTrustBackend('empty', dir)
    t.clock.now = NOW - 60 * 60 * 1000
    const anyone = t.person()
    await anyone.ok('resources.create', { kind: 'equipment', name: 'Podium' })
    const { entries } = await anyone.ok('journal.list', {})
    const siteId = entries[0]?.siteId ?? ''
    expect(entries.map((e) => [(e.after as { name: string }).name, e.at, e.hlc])).toEqual([
      ['Podium', '2026-11-29T09:00:00.000Z', `2026-11-29T10:00:00.000Z-0001-${siteId}`],
      ['Nacelle', '2026-11-29T10:00:00.000Z', `2026-11-29T10:00:00.000Z-0000-${siteId}`],
    ])
  })
})

describe('journal.list', () => {
  async function journalOfTwoPeople() {
    const t = makeTrustBackend()
    const admin = t.person()
    await admin.ok('users.create', {
      login: 'a.durand',
      displayName: 'Anne Durand',
      password: 'pont-de-la-sèvre-1848',
      role: 'admin',
    })
    const communes = await admin.ok('communes.list', {})
    const tiffauges = communes.find((c) => c.name === 'Tiffauges')?.id ?? ''
    await admin.ok('users.create', {
      login: 'c.martin',
      displayName: 'Claire Martin',
      password: 'pont-de-la-sèvre-1848',
      role: 'secretary',
      communeId: tiffauges,
    })
    t.clock.now += 60_000
    const nacelle = await admin.ok('resources.create', { kind: 'equipment', name: 'Nacelle 12 m' })
    const podium = await admin.ok('resources.create', { kind: 'equipment', name: 'Podium' })
    const secretary = t.person()
    await secretary.signIn('c.martin')
    t.clock.now += 60 * 60 * 1000
    const booking = await secretary.ok('bookings.create', {
      communeId: tiffauges,
      title: 'Fête de la musique',
      start: '2027-06-21T14:00',
      end: '2027-06-21T23:00',
      items: [{ resourceId: nacelle.id }],
    })
    return { t, admin, secretary, tiffauges, nacelle, podium, booking }
  }

  it('lists every change newest first, with the names of who made it, by pages', async () => {
    const j = await journalOfTwoPeople()
    const all = await j.admin.ok('journal.list', {})
    expect(all.entries.map((e) => [e.entity, e.action, e.actor])).toEqual([
      ['booking', 'create', 'Claire Martin (c.martin)'],
      ['resource', 'create', 'Anne Durand (a.durand)'],
      ['resource', 'create', 'Anne Durand (a.durand)'],
      ['user', 'create', 'Anne Durand (a.durand)'],
      ['user', 'create', 'administrateur local'],
    ])
    expect(all.next).toBeNull()
    expect(all.actors).toEqual(['administrateur local', 'Anne Durand (a.durand)', 'Claire Martin (c.martin)'])
    expect(JSON.stringify(all.entries)).not.toMatch(/scrypt|passwordHash|pont-de-la/)
    const page1 = await j.admin.ok('journal.list', { limit: 2 })
    expect(page1.entries.map((e) => e.id)).toEqual(all.entries.slice(0, 2).map((e) => e.id))
    expect(page1.next).toBe(all.entries[1]?.hlc)
    const page2 = await j.admin.ok('journal.list', { limit: 2, before: page1.next ?? '' })
    const page3 = await j.admin.ok('journal.list', { limit: 2, before: page2.next ?? '' })
    expect([...page2.entries, ...page3.entries].map((e) => e.id)).toEqual(
      all.entries.slice(2).map((e) => e.id),
    )
    expect(page3.next).toBeNull()
  })

  it('filters by person, resource, commune, kind and period (Europe/Paris dates)', async () => {
    const j = await journalOfTwoPeople()
    const list = async (input: Parameters<typeof j.admin.ok<'journal.list'>>[1]) =>
      (await j.admin.ok('journal.list', input)).entries.map((e) => `${e.entity}:${e.action}:${e.entityId}`)
    expect(await list({ actor: 'MARTIN' })).toEqual([`booking:create:${j.booking.id}`])
    expect(await list({ resourceId: j.nacelle.id })).toEqual([
      `booking:create:${j.booking.id}`,
      `resource:create:${j.nacelle.id}`,
    ])
    expect(await list({ resourceId: j.podium.id })).toEqual([`resource:create:${j.podium.id}`])
    const martin = (await j.admin.ok('users.list', {})).find((u) => u.login === 'c.martin')
    expect(await list({ communeId: j.tiffauges })).toEqual([
      `booking:create:${j.booking.id}`,
      `user:create:${martin?.id}`,
    ])
    expect(await list({ entity: 'resource', actor: 'a.durand' })).toHaveLength(2)
    // Made at 10:01 and 11:01 UTC (11:01 and 12:01 in Paris) on 29/11/2026.
    expect(await list({ from: '2026-11-29T12:00', to: '2026-11-30' })).toEqual([
      `booking:create:${j.booking.id}`,
    ])
    expect(await list({ from: '2026-11-30' })).toEqual([])
    const reversed = await j.admin.fail('journal.list', { from: '2026-11-30', to: '2026-11-29' })
    expect(reversed.code).toBe('INVALID_INPUT')
  })
})
