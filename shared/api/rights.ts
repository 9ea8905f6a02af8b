/**
 * Who may call each method: the one rights table (issue 6). The backend's dispatcher enforces it on
 * every call (electron/backend/auth/access.ts); the interface reads it only to hide what a role may
 * not do. A method missing here is a type error, and the dispatcher refuses any call it has no rule for.
 *
 * `scope` narrows a secretary to her own commune (checked in the backend against the stored data):
 * - `inputCommune`: the input's `communeId` must be hers (a new booking, a series);
 * - `bookingCommune`: the booking `id` must be one of hers, and a new `communeId` too;
 * - `seriesCommune`: the series `id` must be one of hers;
 * - `communeFilter`: files (iCalendar, PDF) that cannot be masked: `communeId` must be given and hers.
 * The other roles are not narrowed. Results are masked for secretaries whatever the method: another
 * commune's booking reads « Réservé » (electron/backend/auth/masking.ts).
 */
import type { Role } from '../domain/accounts'
import type { MethodName } from './contract'

/** Checks that narrow a secretary to her commune (see the module comment). */
export type CommuneScope = 'inputCommune' | 'bookingCommune' | 'seriesCommune' | 'communeFilter'

/**
 * `public`: anyone, even signed out (sign-in itself, the status the interface starts from);
 * otherwise the roles allowed, with the commune scope applied to secretaries.
 */
export type MethodRule =
  | { readonly access: 'public' }
  | { readonly access: 'roles'; readonly roles: readonly Role[]; readonly scope?: CommuneScope }

const publicRule: MethodRule = { access: 'public' }
const anyRole = (scope?: CommuneScope): MethodRule => ({
  access: 'roles',
  roles: ['admin', 'manager', 'secretary', 'viewer'],
  ...(scope ? { scope } : {}),
})
/** Reading what the hub and the communes share; secretaries too, masked. */
const read: MethodRule = anyRole()
/** Reading the hub's own working lists, not a commune's business. */
const hubRead: MethodRule = { access: 'roles', roles: ['admin', 'manager', 'viewer'] }
/** The hub's work: inventory, approvals, hand-over and return. */
const hub: MethodRule = { access: 'roles', roles: ['admin', 'manager'] }
/** Asking for and following bookings: the hub, and a secretary for her own commune. */
const ask = (scope: CommuneScope): MethodRule => ({
  access: 'roles',
  roles: ['admin', 'manager', 'secretary'],
  scope,
})
const admin: MethodRule = { access: 'roles', roles: ['admin'] }

export const methodRights: { readonly [M in MethodName]: MethodRule } = {
  'auth.status': publicRule,
  'auth.signIn': publicRule,
  'auth.signOut': publicRule,
  'users.list': admin,
  'users.create': admin,
  'users.update': admin,
  'journal.list': hubRead,
  'hubs.list': read,
  'communes.list': read,
  'categories.list': read,
  'resources.list': read,
  'resources.get': read,
  'resources.history': read,
  'resources.export': read,
  'resources.create': hub,
  'resources.update': hub,
  'resources.archive': hub,
  'resources.import': hub,
  'unavailabilities.list': read,
  'unavailabilities.create': hub,
  'unavailabilities.delete': hub,
  'unavailabilities.restore': hub,
  'bookings.list': read,
  'bookings.get': read,
  'bookings.create': ask('inputCommune'),
  'bookings.update': ask('bookingCommune'),
  'bookings.cancel': ask('bookingCommune'),
  'bookings.history': anyRole('bookingCommune'),
  'bookings.slip': anyRole('bookingCommune'),
  'bookings.approve': hub,
  'bookings.reject': hub,
  'bookings.checkOut': hub,
  'bookings.return': hub,
  'bookings.inbox': hubRead,
  'depot.day': hubRead,
  'logistics.list': read,
  'availability.check': read,
  'availability.find': read,
  'availability.suggest': read,
  'holidays.list': read,
  'calendar.ics': anyRole('communeFilter'),
  'planning.pdf': anyRole('communeFilter'),
  'series.preview': ask('inputCommune'),
  'series.create': ask('inputCommune'),
  'series.cancel': ask('seriesCommune'),
  'system.status': publicRule,
  'backups.list': hub,
  'backups.create': hub,
  'backups.journal': hub,
  'backups.restore': admin,
  'rates.list': read,
  'rates.set': hub,
  'settings.get': read,
  'settings.update': hub,
  'reports.costs': anyRole('communeFilter'),
  'reports.usage': hubRead,
  'statements.issue': hub,
  'statements.list': hubRead,
  'statements.get': hubRead,
  'statements.export': hubRead,
  'deposits.record': hub,
  'deposits.get': hubRead,
  'costs.confirmDamage': hub,
  'costs.damages': hubRead,
  'deposits.list': hubRead,
  'costs.pendingDamages': hubRead,
}

/** The rule of a method name, or null for a name without one (the dispatcher then refuses the call). */
export function ruleOf(method: string): MethodRule | null {
  return Object.prototype.hasOwnProperty.call(methodRights, method)
    ? methodRights[method as MethodName]
    : null
}

/**
 * Whether a role may call a method at all (before the commune scope, which only the backend checks).
 * The interface uses it to hide buttons; the backend refuses anyway.
 * @example canCall('secretary', 'bookings.approve') // false
 */
export function canCall(role: Role | null, method: MethodName): boolean {
  const rule = methodRights[method]
  if (rule.access === 'public') return true
  return role !== null && rule.roles.includes(role)
}

/** The French description of who may call a method, for FORBIDDEN messages: « un administrateur ». */
export function allowedRolesText(rule: MethodRule): string {
  if (rule.access === 'public') return 'à tout le monde'
  // Each with its preposition: « au responsable », « à un administrateur ».
  const names: Record<Role, string> = {
    admin: 'à un administrateur',
    manager: 'au responsable du pôle',
    secretary: 'à une secrétaire de mairie',
    viewer: 'à un compte de consultation',
  }
  const list = rule.roles.map((r) => names[r])
  return list.length <= 1 ? (list[0] ?? 'à personne') : `${list.slice(0, -1).join(', ')} ou ${list.at(-1)}`
}
