/**
 * The preload of the application window (built to out/preload/index.cjs, CommonJS so the window
 * keeps `sandbox: true`). It exposes exactly one object, `window.api`, the typed client derived
 * from the contract (`api.bookings.create(input)` …), whose every call goes through the single
 * `api` IPC channel. `ipcRenderer` itself is never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createApiClient } from '../../shared/api/contract'
import type { ApiClient, Transport } from '../../shared/api/contract'
import type { ApiResult } from '../../shared/errors'

const transport: Transport = (method, input) =>
  ipcRenderer.invoke('api', method, input) as Promise<ApiResult<unknown>>

const api: ApiClient = createApiClient(transport)

contextBridge.exposeInMainWorld('api', api)
