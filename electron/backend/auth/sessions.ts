/**
 * Sign-in sessions: a random 256-bit token given to the adapter (an HttpOnly cookie in browser mode,
 * the main process's memory in Electron), of which only a SHA-256 hash is stored. A session ends:
 * - after 8 hours without a call (idle limit, `SESSION_IDLE_MS`);
 * - 7 days after sign-in whatever the activity (absolute limit, `SESSION_MAX_MS`);
 * - at sign-out, and when its account is disabled or its password reset.
 */
import { createHash, randomBytes } from 'node:crypto'
import { writeTransaction, type Db } from '../db/connection'
import {
  deleteExpiredSessions,
  deleteSession,
  getSession,
  insertSession,
  touchSession,
} from '../db/repositories/sessions'
import { getUser, type UserRecord } from '../db/repositories/users'

/** A session unused for 8 hours ends (ms). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000
/** A session ends 7 days after sign-in, used or not (ms). */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000
/** The last use is recorded at most once a minute, so that reading does not write at every call (ms). */
const TOUCH_EVERY_MS = 60 * 1000

/** SHA-256 of a token, hexadecimal: what the database keeps. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/**
 * Opens a session for an account; also clears the sessions that have expired.
 * @param nowMs the current instant, epoch ms
 * @returns the token (43 base64url characters, 256 random bits) to hand to the adapter, never stored
 */
export function openSession(db: Db, userId: string, nowMs: number): string {
  const token = randomBytes(32).toString('base64url')
  writeTransaction(db, () => {
    deleteExpiredSessions(db, nowMs - SESSION_IDLE_MS, nowMs - SESSION_MAX_MS)
    insertSession(db, { tokenHash: hashToken(token), userId, createdAtMs: nowMs, lastSeenMs: nowMs })
  })
  return token
}

/**
 * The account a token signs in, or null when the token is unknown, expired (idle 8 h, or opened
 * 7 days ago) or its account disabled. An expired session is deleted.
 * @param nowMs the current instant, epoch ms
 */
export function resolveSession(
  db: Db,
  token: string,
  nowMs: number,
): { user: UserRecord; tokenHash: string } | null {
  const tokenHash = hashToken(token)
  const session = getSession(db, tokenHash)
  if (!session) return null
  const expired =
    nowMs - session.lastSeenMs >= SESSION_IDLE_MS || nowMs - session.createdAtMs >= SESSION_MAX_MS
  const user = expired ? null : getUser(db, session.userId)
  if (!user || user.disabled) {
    deleteSession(db, tokenHash)
    return null
  }
  if (nowMs - session.lastSeenMs >= TOUCH_EVERY_MS) touchSession(db, tokenHash, nowMs)
  return { user, tokenHash }
}

/** Ends a session (sign-out); an unknown token is ignored. */
export function closeSession(db: Db, token: string): void {
  deleteSession(db, hashToken(token))
}
