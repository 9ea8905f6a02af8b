/** Types of electron-binary.mjs, for TypeScript callers (tests); import it without extension. */
export type ElectronLocation =
  | { readonly installed: true; readonly executable: string; readonly version: string }
  | { readonly installed: false; readonly reason: string }

export declare const BROWSER_FALLBACK_MESSAGE: string

export declare function locateElectron(
  deps?: Readonly<{ requireFn?: (id: string) => unknown; exists?: (path: string) => boolean }>,
): ElectronLocation
