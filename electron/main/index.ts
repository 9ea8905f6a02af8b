/**
 * Entry of the Electron main process (built to out/main/index.js, package.json "main").
 * Wires the real backend into the lifecycle defined in app.ts.
 */
import { openBackend } from '../backend/index'
import { startApp } from './app'

startApp({ openBackend, mainDir: import.meta.dirname })
