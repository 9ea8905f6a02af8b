/**
 * The API client used by every page. In Electron the preload exposes `window.api` (already an
 * `ApiClient`); in browser mode the same client is built over `fetch` (`POST /api/<method>`, JSON
 * body = input, JSON response = the envelope). Never throws: transport failures become
 * `{ ok: false, error: { code: 'INTERNAL', … } }` with a French message.
 *
 * @example
 *   const result = await api.communes.list({})
 *   if (result.ok) console.log(result.value.length)
 */
import { createApiClient } from '../../shared/api/contract'
import type { ApiClient, MethodName, Transport } from '../../shared/api/contract'
import type { ApiResult } from '../../shared/errors'

const SERVER_DOWN = "Le serveur ne répond pas. Vérifiez que l'application serveur est lancée, puis réessayez."
const BAD_RESPONSE =
  'Réponse inattendue du serveur. Réessayez ; si le problème persiste, prévenez le pôle technique.'

function failure(message: string, details?: unknown): ApiResult<never> {
  return { ok: false, error: { code: 'INTERNAL', message, details } }
}

function isEnvelope(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  const candidate = value as { ok: unknown; error?: unknown }
  if (candidate.ok === true) return 'value' in value
  return (
    candidate.ok === false &&
    typeof candidate.error === 'object' &&
    candidate.error !== null &&
    typeof (candidate.error as { message?: unknown }).message === 'string'
  )
}

/**
 * A transport over HTTP for browser mode.
 * @param baseUrl prefix of the API, `/api` by default (same origin as the page).
 */
export function fetchTransport(baseUrl = '/api'): Transport {
  return async (method: MethodName, input: unknown) => {
    let response: Response
    try {
      response = await fetch(`${baseUrl}/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(input ?? {}),
      })
    } catch (error) {
      return failure(SERVER_DOWN, { method, cause: String(error) })
    }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      return failure(BAD_RESPONSE, { method, status: response.status })
    }
    return isEnvelope(body) ? body : failure(BAD_RESPONSE, { method, status: response.status })
  }
}

type ClientFunctions = Record<string, Record<string, (input: unknown) => Promise<ApiResult<unknown>>>>

const signedOutListeners = new Set<() => void>()

/**
 * Calls `listener` whenever a call comes back UNAUTHENTICATED (the session expired or was ended):
 * the interface then shows the sign-in screen. Returns the function that stops listening.
 */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener)
  return () => signedOutListeners.delete(listener)
}

/** The same client, telling the listeners of `onSignedOut` about refused sessions. */
function watchSession(client: ApiClient): ApiClient {
  const watched: ClientFunctions = {}
  for (const [ns, functions] of Object.entries(client as unknown as ClientFunctions)) {
    const group: ClientFunctions[string] = {}
    for (const [name, call] of Object.entries(functions)) {
      group[name] = async (input) => {
        const result = await call(input)
        if (!result.ok && result.error.code === 'UNAUTHENTICATED') signedOutListeners.forEach((l) => l())
        return result
      }
    }
    watched[ns] = group
  }
  return watched as unknown as ApiClient
}

/** The client of this window: the preload's in Electron, a fetch client in the browser. */
export const api: ApiClient = watchSession(window.api ?? createApiClient(fetchTransport()))
