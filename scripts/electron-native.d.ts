/** Types of electron-native.mjs, for TypeScript callers (tests); import it without extension. */
export interface AddonKey {
  readonly electronVersion: string
  readonly sqliteVersion: string
  readonly platform: string
  readonly arch: string
}

export interface BuildTarget {
  readonly runtime: 'electron' | 'node'
  readonly version: string
  readonly platform: string
  readonly arch: string
  /** Header server for node-gyp (Electron's); none for Node. */
  readonly distUrl: string | undefined
  /** Local headers folder for node-gyp, instead of downloading them. */
  readonly nodedir: string | undefined
}

export type EnsureOptions = Readonly<{
  /** The project folder (holds node_modules/better-sqlite3). */
  root: string
  /** Version of the runtime to build for (Electron's, or Node's with `runtime: 'node'`). */
  electronVersion: string
  runtime?: 'electron' | 'node'
  platform?: string
  arch?: string
  nodedir?: string
  /** Overrides the cache folder (tests). */
  cacheDir?: string
  env?: Readonly<Record<string, string | undefined>>
  log?: (line: string) => void
}>

export declare const ELECTRON_HEADERS_URL: string
export declare function addonCacheDir(root: string, key: AddonKey): string
export declare function cleanBuildEnv(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string>
export declare function prebuildArgs(target: BuildTarget): string[]
export declare function nodeGypArgs(target: BuildTarget): string[]
export declare function ensureElectronAddon(options: EnsureOptions): string
