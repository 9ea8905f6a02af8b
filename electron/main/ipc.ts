/**
 * The one IPC channel between the page and the backend. The handler checks who is calling
 * (`event.senderFrame`), then hands the call to the backend's dispatcher, which validates the input
 * with the contract's schema. No business logic here.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import type { ApiResult } from '../../shared/errors'
import type { Backend, SessionSlot } from '../backend/types'
import { isAppRendererUrl } from './paths'

/** The IPC channel name, shared with the preload. */
export const API_CHANNEL = 'api'

/** What a refused sender receives. */
export const FORBIDDEN_RESULT: ApiResult<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message:
      "Appel refusé : seule la fenêtre principale de Mutualisation peut accéder aux données. Fermez la page qui a tenté cet accès et relancez l'application.",
  },
}

/**
 * Whether an IPC call comes from the top frame of the main window, showing the app's own page
 * (`rendererUrl`, any `#route`). Calls from a sub-frame, another window, a navigated or destroyed
 * frame, or any other URL are refused.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: BrowserWindow | null,
  rendererUrl: string,
): boolean {
  const frame = event.senderFrame
  if (window === null || window.isDestroyed() || frame === null) return false
  const contents = window.webContents
  if (event.sender.id !== contents.id) return false
  if (frame.parent !== null) return false
  const top = contents.mainFrame
  if (frame.processId !== top.processId || frame.routingId !== top.routingId) return false
  return isAppRendererUrl(frame.url, rendererUrl)
}

export interface ApiHandlerOptions {
  readonly backend: Pick<Backend, 'dispatch'>
  /** Decides whether the sender may call the backend (see {@link isTrustedSender}). */
  readonly isTrusted: (event: IpcMainInvokeEvent) => boolean
}

/**
 * The sign-in sessions of the windows, kept in the main process: one token per web contents, never
 * sent to the page (a script in the page cannot read or steal it). Forgotten when its window closes.
 */
function windowSessions(): (sender: IpcMainInvokeEvent['sender']) => SessionSlot {
  const tokens = new Map<number, string>()
  return (sender) => ({
    token: tokens.get(sender.id) ?? null,
    set(token) {
      if (token === null) {
        tokens.delete(sender.id)
        return
      }
      if (!tokens.has(sender.id)) sender.once('destroyed', () => tokens.delete(sender.id))
      tokens.set(sender.id, token)
    },
  })
}

/**
 * Registers `ipcMain.handle('api', (event, method, input) => …)`. The result is always an
 * `ApiResult` envelope; the promise never rejects (a thrown error becomes `INTERNAL`). The caller's
 * session is its window's (see `windowSessions`).
 *
 * @example
 *   registerApiHandler(ipcMain, { backend, isTrusted: (e) => isTrustedSender(e, win, url) })
 */
export function registerApiHandler(ipcMain: Pick<IpcMain, 'handle'>, options: ApiHandlerOptions): void {
  const sessionOf = windowSessions()
  ipcMain.handle(
    API_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
      if (!options.isTrusted(event)) {
        console.warn(`[ipc] appel refusé depuis ${event.senderFrame?.url ?? 'un cadre détruit'}`)
        return FORBIDDEN_RESULT
      }
      if (typeof method !== 'string') {
        return {
          ok: false,
          error: { code: 'UNKNOWN_METHOD', message: "Appel invalide : le nom de l'opération manque." },
        }
      }
      try {
        return await options.backend.dispatch(method, input, {
          channel: 'ipc',
          session: sessionOf(event.sender),
        })
      } catch (error) {
        console.error(`[ipc] ${method} a échoué`, error)
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message:
              "Erreur interne de l'application. Réessayez ; si l'erreur persiste, redémarrez Mutualisation.",
          },
        }
      }
    },
  )
}
