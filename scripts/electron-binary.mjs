// @ts-check
/**
 * Is the Electron binary installed in this checkout? The decision `npm start` makes between the
 * desktop app and browser mode (docs/native-modules.md). No side effects: tested under vitest.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

/** The one line printed when `npm start` falls back to browser mode. */
export const BROWSER_FALLBACK_MESSAGE =
  "Le binaire d'Electron n'est pas installé sur cette machine : lancement du mode navigateur (npm run serve) à la place."

/**
 * Locates the Electron executable the way the `electron` package does: `require('electron')`
 * returns its path under Node, and throws when the binary was never downloaded.
 *
 * @param {{ requireFn?: (id: string) => unknown, exists?: (path: string) => boolean }} [deps]
 * @returns {import('./electron-binary').ElectronLocation}
 *
 * @example
 *   const found = locateElectron()
 *   if (!found.installed) console.log(BROWSER_FALLBACK_MESSAGE)
 */
export function locateElectron(deps = {}) {
  const requireFn = deps.requireFn ?? createRequire(import.meta.url)
  const exists = deps.exists ?? existsSync
  let executable
  try {
    executable = requireFn('electron')
  } catch (error) {
    return { installed: false, reason: error instanceof Error ? error.message : String(error) }
  }
  if (typeof executable !== 'string' || executable === '') {
    return {
      installed: false,
      reason: "require('electron') n'a pas donné de chemin (exécuté hors de Node ?)",
    }
  }
  if (!exists(executable)) {
    return { installed: false, reason: `exécutable absent : ${executable}` }
  }
  let version
  try {
    const pkg = /** @type {{ version?: unknown }} */ (requireFn('electron/package.json'))
    version = typeof pkg.version === 'string' ? pkg.version : undefined
  } catch {
    version = undefined
  }
  if (version === undefined) {
    return { installed: false, reason: "version d'Electron illisible (node_modules/electron/package.json)" }
  }
  return { installed: true, executable, version }
}
