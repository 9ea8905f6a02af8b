/** Types of after-pack.mjs, for TypeScript callers (tests); import it without extension. */

/** The part of electron-builder's `AfterPackContext` the hook reads. */
export interface AfterPackContext {
  readonly appOutDir: string
  readonly electronPlatformName: string
  /** electron-builder's `Arch` enum: 0 ia32, 1 x64, 2 armv7l, 3 arm64. */
  readonly arch: number
  readonly packager: {
    readonly projectDir: string
    readonly info?: { readonly framework?: { readonly version?: string } }
    getResourcesDir(appOutDir: string): string
  }
}

export declare function packagedAddonPath(
  resourcesDir: string,
  exists?: (path: string) => boolean,
): string | undefined

export default function afterPack(
  context: AfterPackContext,
  options?: Readonly<{ cacheDir?: string; log?: (line: string) => void }>,
): void
