/// <reference types="vite/client" />
import type { ApiClient } from '../../shared/api/contract'

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in browser mode. */
    readonly api?: ApiClient
  }
}
