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

/** The client of this window: the preload's in Electron, a fetch client in the browser. */
export const api: ApiClient = window.api ?? createApiClient(fetchTransport())
