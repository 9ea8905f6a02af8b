/**
 * Handlers of accounts, sign-in and the journal. They receive, besides the input and the service
 * context, the call's caller and principal (electron/backend/auth/access.ts).
 */
import type { MethodName } from '../../../shared/api/contract'
import type { HandlerMap } from '../handlers'
import { listJournalPage } from '../services/journal'
import { createUser, listUsers, updateUser } from './accounts'
import { authStatus, signIn, signOut } from './sign-in'

type Prefixed<P extends string> = Extract<MethodName, `${P}.${string}`>

/** The accounts' handlers; the dispatcher always passes `call`. */
export const accountHandlers: HandlerMap<Prefixed<'auth' | 'users' | 'journal'>> = {
  'auth.status': (_input, ctx, call) => authStatus(ctx, call),
  'auth.signIn': (input, ctx, call) => signIn(ctx, input, call),
  'auth.signOut': (_input, ctx, call) => signOut(ctx, call),
  'users.list': (_input, ctx) => listUsers(ctx),
  'users.create': (input, ctx, call) => createUser(ctx, input, call),
  'users.update': (input, ctx, call) => updateUser(ctx, input, call),
  'journal.list': (input, ctx) => listJournalPage(ctx, input),
}
