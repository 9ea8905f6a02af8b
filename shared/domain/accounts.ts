/**
 * Accounts, roles and the journal as the API returns them (issue 6, "Trust"). Instants are ISO 8601
 * UTC strings; identifiers are UUIDs made by the application.
 */
import type { AuditEntry } from './types'

export const roles = ['admin', 'manager', 'secretary', 'viewer'] as const
/**
 * What an account may do (DESIGN.md, "Who uses it"):
 * - `admin` (administrateur): everything, accounts included;
 * - `manager` (responsable du pôle): the hub's resources and bookings: approves, hands out, takes back;
 * - `secretary` (secrétaire de mairie): asks for and follows her own commune's bookings, sees what is
 *   free; another commune's bookings only show as « Réservé »;
 * - `viewer` (consultation): reads everything, changes nothing.
 */
export type Role = (typeof roles)[number]

/** French names of the roles, as the interface shows them. */
export const roleLabels: Readonly<Record<Role, string>> = {
  admin: 'administrateur',
  manager: 'responsable du pôle',
  secretary: 'secrétaire de mairie',
  viewer: 'consultation',
}

/** What the title of another commune's booking reads as for a secretary. */
export const MASKED_TITLE = 'Réservé'

/** An account, without its password. `communeId` is set for secretaries only. */
export interface User {
  readonly id: string
  /** Lower-case identifier typed at sign-in (`m.durand`). */
  readonly login: string
  /** Name shown in the interface and written in the journal (`Marie Durand`). */
  readonly displayName: string
  readonly role: Role
  /** The commune a secretary works for; null for the other roles. */
  readonly communeId: string | null
  /** A disabled account cannot sign in; its sessions were ended when it was disabled. */
  readonly disabled: boolean
  readonly createdAt: string
  readonly updatedAt: string
}

/** The signed-in person, as `auth.status` and `auth.signIn` return it. */
export type SignedInUser = Pick<User, 'id' | 'login' | 'displayName' | 'role' | 'communeId'>

/**
 * Result of `auth.status`. While no account exists (`accountsExist: false`) the installation works as
 * its single local administrator and `user` is null; once one exists, `user` is the signed-in person
 * or null when nobody is signed in (the interface then shows the sign-in screen).
 */
export interface AuthStatus {
  readonly accountsExist: boolean
  readonly user: SignedInUser | null
}

/** One journal entry with where and in which order it was made (hybrid logical clock). */
export interface JournalEntry extends AuditEntry {
  /** UUID of the installation that made the change. */
  readonly siteId: string
  /** Sortable hybrid logical timestamp, `2026-11-30T10:15:00.000Z-0001-<siteId>` (shared/hlc.ts). */
  readonly hlc: string
}

/** Result of `journal.list`: one page of entries, newest first. */
export interface JournalPage {
  readonly entries: readonly JournalEntry[]
  /** Pass as `before` to get the next (older) page; null when this page is the last. */
  readonly next: string | null
  /** Every author found in the journal, for the « Personne » filter, sorted in French order. */
  readonly actors: readonly string[]
}
