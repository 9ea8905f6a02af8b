import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from '../../electron/backend/auth/passwords'
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../electron/backend/auth/sessions'
import { WRONG_CREDENTIALS } from '../../electron/backend/auth/sign-in'
import { DATABASE_FILE } from '../../electron/backend/db/connection'
import { makeTrustBackend, PASSWORD } from './accounts-helpers'

const HOUR = 60 * 60 * 1000

describe('password hashing', () => {
  it('stores scrypt with its parameters and a random salt, and verifies in constant time', async () => {
    const started = performance.now()
    const hash = await hashPassword('correct horse battery staple')
    const elapsed = performance.now() - started
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/)
    expect(DEFAULT_SCRYPT).toEqual({ log2N: 15, r: 8, p: 1, keyLength: 32, saltLength: 16 })
    // Same password, new salt: another hash.
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash)
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true)
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false)
    expect(await verifyPassword('Correct horse battery staple', hash)).toBe(false)
    console.info(`scrypt N=2^15: ${elapsed.toFixed(0)} ms`)
  })

  it('verifies with the parameters stored, and matches nothing it cannot read', async () => {
    const cheap = await hashPassword('un mot de passe', { ...DEFAULT_SCRYPT, log2N: 10 })
    expect(cheap.startsWith('scrypt$10$8$1$')).toBe(true)
    expect(await verifyPassword('un mot de passe', cheap)).toBe(true)
    expect(await verifyPassword('un mot de passe', cheap.replace('scrypt$10', 'scrypt$11'))).toBe(false)
    expect(await verifyPassword('un mot de passe', 'plain')).toBe(false)
    expect(await verifyPassword('un mot de passe', cheap.replace('scrypt$10', 'scrypt$30'))).toBe(false)
  })
})

describe('bootstrap: a new installation', () => {
  it('works at once as its local administrator, and its first account must be an administrator', async () => {
    const t = makeTrustBackend()
    const anyone = t.person()
    expect(await anyone.ok('auth.status', {})).toEqual({ accountsExist: false, user: null })
    const resource = await anyone.ok('resources.create', { kind: 'equipment', name: 'Nacelle 12 m' })
    const journal = await anyone.ok('journal.list', {})
    expect(journal.entries.map((e) => [e.actor, e.entity, e.entityId])).toEqual([
      ['administrateur local', 'resource', resource.id],
    ])
    const communes = await anyone.ok('communes.list', {})
    const tiffauges = communes.find((c) => c.inseeCode === '85293')
    const refused = await anyone.fail('users.create', {
      login: 'c.martin',
      displayName: 'Claire Martin',
      password: PASSWORD,
      role: 'secretary',
      communeId: tiffauges?.id,
    })
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'role' }] } })
    expect(refused.message).toMatch(/premier compte doit être un administrateur/)
  })

  it('signs in the caller who creates the first administrator; everyone else must sign in', async () => {
    const t = makeTrustBackend()
    const admin = t.person()
    await admin.ok('users.create', {
      login: 'A.Durand',
      displayName: 'Anne Durand',
      password: PASSWORD,
      role: 'admin',
    })
    expect(admin.slot.current()).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const [anne] = await admin.ok('users.list', {})
    expect(await admin.ok('auth.status', {})).toEqual({
      accountsExist: true,
      user: { id: anne?.id, login: 'a.durand', displayName: 'Anne Durand', role: 'admin', communeId: null },
    })
    const stranger = t.person()
    expect(await stranger.ok('auth.status', {})).toEqual({ accountsExist: true, user: null })
    const error = await stranger.fail('resources.list', {})
    expect(error.code).toBe('UNAUTHENTICATED')
    expect(error.message).toMatch(/^Connectez-vous pour continuer/)
    // Refused before the input is read: no hint about the method's fields.
    expect((await stranger.fail('bookings.create', { nonsense: true })).code).toBe('UNAUTHENTICATED')
  })
})

describe('sign-in', () => {
  it('answers a wrong login and a wrong password alike, and keeps no session', async () => {
    const t = makeTrustBackend()
    const admin = t.person()
    await t.account(admin, 'a.durand', 'admin')
    const visitor = t.person()
    const wrongPassword = await visitor.fail('auth.signIn', { login: 'a.durand', password: 'pas le bon mot' })
    const wrongLogin = await visitor.fail('auth.signIn', { login: 'x.inconnu', password: PASSWORD })
    expect(wrongPassword).toEqual({ code: 'UNAUTHENTICATED', message: WRONG_CREDENTIALS, details: undefined })
    expect(wrongLogin).toEqual(wrongPassword)
    expect(visitor.slot.current()).toBeNull()
    // Logins are not case-sensitive.
    expect((await visitor.signIn(' A.Durand ')).login).toBe('a.durand')
  })

  it('locks a login for 5 minutes after 5 failures in a row, existing or not', async () => {
    const t = makeTrustBackend()
    const admin = t.person()
    await t.account(admin, 'a.durand', 'admin')
    const guesser = t.person()
    for (let i = 0; i < 5; i++) {
      expect((await guesser.fail('auth.signIn', { login: 'a.durand', password: `essai ${i}` })).code).toBe(
        'UNAUTHENTICATED',
      )
      await guesser.fail('auth.signIn', { login: 'personne', password: `essai ${i}` })
    }
    const locked = await guesser.fail('auth.signIn', { login: 'a.durand', password: PASSWORD })
    expect(locked.code).toBe('FORBIDDEN')
    expect(locked.message).toBe(
      'Trop d’essais infructueux pour cet identifiant : réessayez dans 5 minutes, ou demandez à un administrateur de vérifier votre compte.',
    )
    expect((await guesser.fail('auth.signIn', { login: 'personne', password: PASSWORD })).message).toBe(
      locked.message,
    )
    t.clock.now += 5 * 60 * 1000
    expect((await guesser.signIn('a.durand')).login).toBe('a.durand')
  })

  it('stores only a SHA-256 hash of the token, and sign-out deletes the session', async () => {
    const t = makeTrustBackend()
    const admin = t.person()
    await t.account(admin, 'a.durand', 'admin')
    const browser = t.person()
    const user = await browser.signIn('a.durand')
    const token = browser.slot.current() ?? ''
    expect(JSON.stringify(user)).not.toContain(token)
    const db = new Database(join(t.dir, DATABASE_FILE), { readonly: true })
    const hashes = db.prepare('SELECT token_hash FROM sessions').pluck().all()
    expect(hashes).toContain(createHash('sha256').update(token).digest('hex'))
    expect(hashes).not.toContain(token)
    expect(await browser.ok('auth.signOut', {})).toEqual({ accountsExist: true, user: null })
    expect(browser.slot.current()).toBeNull()
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1) // the admin's own
    db.close()
    // The old token, replayed, opens nothing.
    const replay = t.person()
    replay.slot.set(token)
    expect((await replay.fail('resources.list', {})).code).toBe('UNAUTHENTICATED')
  })
})

describe('session expiry (injected clock)', () => {
  it('ends a session after 8 hours without a call', async () => {
    const t = makeTrustBackend()
    const admin = t.person()
    await t.account(admin, 'a.durand', 'admin')
    const browser = t.person()
    await browser.signIn('a.durand')
    t.clock.now += SESSION_IDLE_MS - 60_000
    expect((await browser.ok('auth.status', {})).user?.login).toBe('a.durand')
    t.clock.now += SESSION_IDLE_MS - 60_000
    expect((await browser.ok('resources.list', {})).length).toBe(0)
    t.clock.now += SESSION_IDLE_MS
    expect((await browser.fail('resources.list', {})).code).toBe('UNAUTHENTICATED')
    expect(browser.slot.current()).toBeNull()
  })

  it('ends a session 7 days after sign-in, however busy', async () => {
    const t = makeTrustBackend()
    const admin = t.person()
    await t.account(admin, 'a.durand', 'admin')
    const browser = t.person()
    await browser.signIn('a.durand')
    const start = t.clock.now
    while (t.clock.now + 7 * HOUR < start + SESSION_MAX_MS) {
      t.clock.now += 7 * HOUR
      expect((await browser.ok('auth.status', {})).user?.login).toBe('a.durand')
    }
    t.clock.now = start + SESSION_MAX_MS
    expect(await browser.ok('auth.status', {})).toEqual({ accountsExist: true, user: null })
  })
})

describe('users.update', () => {
  it('refuses to disable or demote the last active administrator', async () => {
    const t = makeTrustBackend()
    const admin = t.person()
    await t.account(admin, 'a.durand', 'admin')
    const [anne] = await admin.ok('users.list', {})
    const disable = await admin.fail('users.update', { id: anne?.id, disabled: true })
    expect(disable).toEqual({
      code: 'FORBIDDEN',
      message: 'A Durand est le dernier administrateur actif : nommez d’abord un autre administrateur.',
      details: undefined,
    })
    expect((await admin.fail('users.update', { id: anne?.id, role: 'manager' })).code).toBe('FORBIDDEN')
    await t.account(admin, 'b.petit', 'admin')
    expect((await admin.ok('users.update', { id: anne?.id ?? '', disabled: true })).disabled).toBe(true)
    // Disabled: her session ended with it, and she cannot sign in again.
    expect((await admin.fail('users.list', {})).code).toBe('UNAUTHENTICATED')
    const again = await t.person().fail('auth.signIn', { login: 'a.durand', password: PASSWORD })
    expect(again.message).toBe('Ce compte est désactivé : demandez à un administrateur de le réactiver.')
  })

  it('resets a password: the old one fails, the person is signed out, hashes never leave', async () => {
    const t = makeTrustBackend()
    const admin = t.person()
    await t.account(admin, 'a.durand', 'admin')
    await t.account(admin, 'm.robin', 'viewer')
    const viewer = t.person()
    await viewer.signIn('m.robin')
    const users = await admin.ok('users.list', {})
    expect(JSON.stringify(users)).not.toMatch(/scrypt|passwordHash/)
    const robin = users.find((u) => u.login === 'm.robin')
    await admin.ok('users.update', { id: robin?.id ?? '', password: 'nouveau mot de passe 2027' })
    expect((await viewer.fail('resources.list', {})).code).toBe('UNAUTHENTICATED')
    expect((await t.person().fail('auth.signIn', { login: 'm.robin', password: PASSWORD })).code).toBe(
      'UNAUTHENTICATED',
    )
    expect((await viewer.signIn('m.robin', 'nouveau mot de passe 2027')).role).toBe('viewer')
    const short = await admin.fail('users.update', { id: robin?.id, password: 'court' })
    expect(short.message).toMatch(/12 caractères au moins/)
  })
})
