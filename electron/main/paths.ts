/**
 * Where the built pieces live, and how the IPC handler recognises the app's own page.
 * No `electron` import: plain functions, tested under Node.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** Environment variable naming a better-sqlite3 addon built for Electron (set by `npm start`). */
export const NATIVE_BINDING_ENV = 'MUTUALISATION_SQLITE_BINDING'

export interface AppPaths {
  /** `out/preload/index.cjs` (CommonJS, so the window keeps `sandbox: true`). */
  readonly preload: string
  /** `out/renderer/index.html`. */
  readonly rendererIndex: string
  /** The `file://` URL of `rendererIndex`, as the window loads it. */
  readonly rendererUrl: string
}

/**
 * Paths of the built preload and renderer, from the folder of the built main (`out/main`).
 *
 * @example
 *   appPaths('/opt/Mutualisation/resources/app.asar/out/main').rendererUrl
 *   // 'file:///opt/Mutualisation/resources/app.asar/out/renderer/index.html'
 */
export function appPaths(mainDir: string): AppPaths {
  const rendererIndex = join(mainDir, '..', 'renderer', 'index.html')
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererIndex,
    rendererUrl: pathToFileURL(rendererIndex).href,
  }
}

/**
 * Whether `url` is the app's own renderer page: the `file:` URL `expectedUrl`, with any query or
 * `#fragment` (in-page routing). Paths are compared decoded, case-insensitively on Windows.
 * Anything else (`https:`, another file, a `data:` page, garbage) is refused.
 *
 * @example
 *   isAppRendererUrl('file:///app/out/renderer/index.html#/planning', 'file:///app/out/renderer/index.html') // true
 *   isAppRendererUrl('https://evil.example/', 'file:///app/out/renderer/index.html') // false
 */
export function isAppRendererUrl(
  url: string,
  expectedUrl: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  let actual: URL
  let expected: URL
  try {
    actual = new URL(url)
    expected = new URL(expectedUrl)
  } catch {
    return false
  }
  if (actual.protocol !== 'file:' || expected.protocol !== 'file:') return false
  if (actual.host !== expected.host) return false
  let actualPath: string
  let expectedPath: string
  try {
    actualPath = fileURLToPath(new URL(actual.pathname, 'file://'), { windows: platform === 'win32' })
    expectedPath = fileURLToPath(new URL(expected.pathname, 'file://'), { windows: platform === 'win32' })
  } catch {
    return false
  }
  return platform === 'win32'
    ? actualPath.toLowerCase() === expectedPath.toLowerCase()
    : actualPath === expectedPath
}

/**
 * The better-sqlite3 addon to load instead of node_modules' Node build, from
 * `MUTUALISATION_SQLITE_BINDING` (see docs/native-modules.md). Ignored in a packaged app, whose
 * addon electron-builder rebuilt for Electron.
 *
 * @returns the absolute path, or `undefined` for the default addon
 * @throws Error (French) when the variable names a file that does not exist
 */
export function nativeBindingFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const path = env[NATIVE_BINDING_ENV]
  if (isPackaged || path === undefined || path === '') return undefined
  if (!exists(path)) {
    throw new Error(
      `Le module SQLite compilé pour Electron est introuvable (${path}). Relancez « npm start », qui le reconstruit.`,
    )
  }
  return path
}
