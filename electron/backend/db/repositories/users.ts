/**
 * Accounts (`users` table, migration 004). Only password hashes are stored (electron/backend/auth/passwords.ts).
 */
import type { Role, User } from '../../../../shared/domain/accounts'
import { prepare, type Db } from '../connection'

/** An account as stored, with its password hash. */
export interface UserRecord extends User {
  /** `scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>` */
  readonly passwordHash: string
}

interface DbUser {
  id: string
  login: string
  display_name: string
  role: Role
  commune_id: string | null
  password_hash: string
  disabled: number
  created_at: string
  updated_at: string
}

const COLUMNS = 'id, login, display_name, role, commune_id, password_hash, disabled, created_at, updated_at'

function toRecord(row: DbUser): UserRecord {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    communeId: row.commune_id,
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Whether at least one account exists (disabled ones count: the installation is no longer new). */
export function accountsExist(db: Db): boolean {
  return prepare<[], { found: number }>(db, 'SELECT EXISTS (SELECT 1 FROM users) AS found').get()?.found === 1
}

/** Every account, by display name. */
export function listUsers(db: Db): UserRecord[] {
  return prepare<[], DbUser>(db, `SELECT ${COLUMNS} FROM users ORDER BY display_name COLLATE NOCASE, login`)
    .all()
    .map(toRecord)
}

export function getUser(db: Db, id: string): UserRecord | null {
  const row = prepare<[string], DbUser>(db, `SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id)
  return row ? toRecord(row) : null
}

/** The account of a login (already lower-case), or null. */
export function getUserByLogin(db: Db, login: string): UserRecord | null {
  const row = prepare<[string], DbUser>(db, `SELECT ${COLUMNS} FROM users WHERE login = ?`).get(login)
  return row ? toRecord(row) : null
}

/** Active administrators other than `exceptId`. */
export function countOtherActiveAdmins(db: Db, exceptId: string): number {
  return (
    prepare<[string], { n: number }>(
      db,
      "SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0 AND id <> ?",
    ).get(exceptId)?.n ?? 0
  )
}

function values(user: UserRecord): unknown[] {
  return [
    user.login,
    user.displayName,
    user.role,
    user.communeId,
    user.passwordHash,
    user.disabled ? 1 : 0,
    user.createdAt,
    user.updatedAt,
    user.id,
  ]
}

/** @throws SqliteError SQLITE_CONSTRAINT_UNIQUE when the login is taken */
export function insertUser(db: Db, user: UserRecord): void {
  prepare(
    db,
    `INSERT INTO users (login, display_name, role, commune_id, password_hash, disabled, created_at, updated_at, id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...values(user))
}

export function replaceUser(db: Db, user: UserRecord): void {
  prepare(
    db,
    `UPDATE users SET login = ?, display_name = ?, role = ?, commune_id = ?, password_hash = ?, disabled = ?,
       created_at = ?, updated_at = ? WHERE id = ?`,
  ).run(...values(user))
}
