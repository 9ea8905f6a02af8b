/**
 * Accounts in the interface: what a role may see and do (read from the backend's own rights table,
 * shared/api/rights.ts — the backend refuses anyway), and the account form. Pure, no DOM.
 */
import { MIN_PASSWORD_LENGTH } from '../../../../shared/api/account-schemas'
import type { MethodInput, MethodName } from '../../../../shared/api/contract'
import { canCall } from '../../../../shared/api/rights'
import type { AuthStatus, Role } from '../../../../shared/domain/accounts'
import { roleLabels, roles } from '../../../../shared/domain/accounts'
import type { Route } from '../../stores/navigation'

/**
 * The role the interface acts with: the signed-in user's; the local administrator's while no
 * account exists; null when accounts exist and nobody is signed in.
 */
export function effectiveRole(status: Pick<AuthStatus, 'accountsExist' | 'user'>): Role | null {
  if (status.user) return status.user.role
  return status.accountsExist ? null : 'admin'
}

/** The method a page cannot work without: a page is shown only to roles that may call it. */
const routeMethods: Partial<Record<Route, MethodName>> = {
  demandes: 'bookings.inbox',
  depot: 'depot.day',
  journal: 'journal.list',
  comptes: 'users.list',
  sauvegardes: 'backups.list',
  refacturation: 'statements.list',
  bilan: 'reports.usage',
}

/** Whether a role sees a page in the sidebar (every role sees the pages with no entry above). */
export function routeAllowed(role: Role | null, route: Route): boolean {
  const method = routeMethods[route]
  return method === undefined || canCall(role, method)
}

/** `Administrateur`, `Secrétaire de mairie`…, capitalised for tables and the sidebar. */
export function roleTitle(role: Role): string {
  const label = roleLabels[role]
  return label.charAt(0).toUpperCase() + label.slice(1)
}

/** The roles in the order of the form's select. */
export const roleOptions: readonly { value: Role; label: string }[] = roles.map((role) => ({
  value: role,
  label: roleTitle(role),
}))

/** The account form as typed. */
export interface AccountDraft {
  readonly login: string
  readonly displayName: string
  readonly password: string
  readonly role: Role
  readonly communeId: string
}

export const emptyAccountDraft: AccountDraft = {
  login: '',
  displayName: '',
  password: '',
  role: 'secretary',
  communeId: '',
}

export type AccountField = keyof AccountDraft

/** What is missing or wrong in the draft, by field, in French; empty when it can be sent. */
export function accountDraftErrors(draft: AccountDraft): Partial<Record<AccountField, string>> {
  const errors: Partial<Record<AccountField, string>> = {}
  if (!/^[a-z0-9][a-z0-9._@-]{1,39}$/.test(draft.login.trim().toLowerCase())) {
    errors.login = '2 à 40 caractères : lettres sans accent, chiffres, point, tiret (ex. : c.martin).'
  }
  if (draft.displayName.trim() === '') errors.displayName = 'Indiquez le nom affiché (ex. : Claire Martin).'
  const passwordError = passwordProblem(draft.password)
  if (passwordError) errors.password = passwordError
  if (draft.role === 'secretary' && draft.communeId === '') {
    errors.communeId = 'Choisissez la commune de la secrétaire de mairie.'
  }
  return errors
}

/** Why a new password is refused, or null. */
export function passwordProblem(password: string): string | null {
  return password.length < MIN_PASSWORD_LENGTH
    ? `${MIN_PASSWORD_LENGTH} caractères au moins (une phrase facile à retenir convient).`
    : null
}

/** The `users.create` input of a draft (call only when it has no errors). */
export function accountInput(draft: AccountDraft): MethodInput<'users.create'> {
  return {
    login: draft.login.trim().toLowerCase(),
    displayName: draft.displayName.trim(),
    password: draft.password,
    role: draft.role,
    ...(draft.role === 'secretary' ? { communeId: draft.communeId } : {}),
  }
}

/** The method behind each action button of a booking (features/booking/model.ts `BookingAction`). */
export const bookingActionMethods: Readonly<Record<string, MethodName>> = {
  approve: 'bookings.approve',
  reject: 'bookings.reject',
  checkOut: 'bookings.checkOut',
  return: 'bookings.return',
  cancel: 'bookings.cancel',
  checkoutSlip: 'bookings.slip',
  returnSlip: 'bookings.slip',
  cancelSeries: 'series.cancel',
}

/**
 * Whether the interface offers an action on a booking: the role may call its method, and a
 * secretary (`ownCommune` set) only acts on her own commune's bookings. The backend checks both.
 * An action with no known method is offered (the backend decides).
 */
export function mayActOnBooking(
  role: Role | null,
  ownCommune: string | null,
  booking: { readonly communeId: string },
  action: string,
): boolean {
  const method = bookingActionMethods[action]
  if (method === undefined) return true
  return canCall(role, method) && (ownCommune === null || booking.communeId === ownCommune)
}
