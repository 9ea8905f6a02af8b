/**
 * The browser-mode session cookie: the token set by `auth.signIn`, cleared by `auth.signOut` or an
 * expired session. Attributes:
 * - `HttpOnly`: the page's scripts never read it (a script injected into the page cannot steal it);
 * - `SameSite=Strict`: no other site's page makes the browser send it;
 * - `Path=/`, and `Max-Age` the session's absolute limit (7 days; the server also ends it after 8 h idle);
 * - no `Secure`: browser mode is plain `http://` (on 127.0.0.1 nothing leaves the machine), and a
 *   browser drops a `Secure` cookie set over http — sign-in would never stick. When the hub serves
 *   town halls over the network, it does so behind HTTPS and adds `Secure` there.
 * Cookies are shared by every port of a host, so the name carries the port: two instances on
 * 127.0.0.1 keep their own sessions.
 */
import type { IncomingMessage } from 'node:http'
import type { SessionSlot } from '../backend/types'

/** 7 days, the session's absolute limit (electron/backend/auth/sessions.ts), in seconds. */
const MAX_AGE_SECONDS = 7 * 24 * 60 * 60

/** `mutualisation_session_4173`: the cookie of the server listening on that port. */
export function sessionCookieName(port: number): string {
  return `mutualisation_session_${port}`
}

/** The value of cookie `name` in the request's `Cookie` header, or null. */
export function readCookie(req: Pick<IncomingMessage, 'headers'>, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=')
    if (index > 0 && part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim()
      // Tokens are base64url: anything else is not ours and is ignored.
      return /^[A-Za-z0-9_-]{16,100}$/.test(value) ? value : null
    }
  }
  return null
}

/** The `Set-Cookie` header storing `token`, or clearing the cookie when `token` is null. */
export function sessionCookieHeader(name: string, token: string | null): string {
  const attributes = 'HttpOnly; SameSite=Strict; Path=/'
  return token === null
    ? `${name}=; ${attributes}; Max-Age=0`
    : `${name}=${token}; ${attributes}; Max-Age=${MAX_AGE_SECONDS}`
}

/**
 * The session slot of one request: the cookie's token, and what the backend set (undefined when it
 * set nothing, so that no `Set-Cookie` is sent).
 */
export function cookieSlot(
  req: Pick<IncomingMessage, 'headers'>,
  name: string,
): SessionSlot & { readonly changed: () => string | null | undefined } {
  let next: string | null | undefined
  return {
    token: readCookie(req, name),
    set(token) {
      next = token
    },
    changed: () => next,
  }
}

/** Whether `host` names this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name)
}
