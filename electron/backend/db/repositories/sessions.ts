/**
 * Sign-in sessions (`sessions` table, migration 004). Only a SHA-256 hash of each token is stored:
 * a copy of the database opens no session. Times are epoch ms.
 */
import { prepare, type Db } from '../connection'

export interface SessionRecord {
  /** SHA-256 of the token, hexadecimal. */
  readonly tokenHash: string
  readonly userId: string
  readonly createdAtMs: number
  readonly lastSeenMs: number
}

interface DbSession {
  token_hash: string
  user_id: string
  created_at_ms: number
  last_seen_ms: number
}

export function insertSession(db: Db, session: SessionRecord): void {
  prepare(
    db,
    'INSERT INTO sessions (token_hash, user_id, created_at_ms, last_seen_ms) VALUES (?, ?, ?, ?)',
  ).run(session.tokenHash, session.userId, session.createdAtMs, session.lastSeenMs)
}

export function getSession(db: Db, tokenHash: string): SessionRecord | null {
  const row = prepare<[string], DbSession>(
    db,
    'SELECT token_hash, user_id, created_at_ms, last_seen_ms FROM sessions WHERE token_hash = ?',
  ).get(tokenHash)
  return row
    ? {
        tokenHash: row.token_hash,
        userId: row.user_id,
        createdAtMs: row.created_at_ms,
        lastSeenMs: row.last_seen_ms,
      }
    : null
}

export function touchSession(db: Db, tokenHash: string, lastSeenMs: number): void {
  prepare(db, 'UPDATE sessions SET last_seen_ms = ? WHERE token_hash = ?').run(lastSeenMs, tokenHash)
}

export function deleteSession(db: Db, tokenHash: string): void {
  prepare(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash)
}

/**
 * Ends the sessions of an account (disabled, password reset, role changed), except `keepTokenHash`
 * (the session of an administrator changing her own account).
 */
export function deleteUserSessions(db: Db, userId: string, keepTokenHash = ''): void {
  prepare(db, 'DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?').run(userId, keepTokenHash)
}

/** Removes sessions idle since before `idleBeforeMs` or opened before `openedBeforeMs`. */
export function deleteExpiredSessions(db: Db, idleBeforeMs: number, openedBeforeMs: number): void {
  prepare(db, 'DELETE FROM sessions WHERE last_seen_ms < ? OR created_at_ms < ?').run(
    idleBeforeMs,
    openedBeforeMs,
  )
}
