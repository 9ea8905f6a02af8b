/**
 * The Content-Security-Policy of the Electron renderer. Plain data, no `electron` import: the
 * main process sends it as a response header, and `electron.vite.config.ts` also writes it as a
 * `<meta>` tag into the built `index.html`, because header injection on `file://` pages has not
 * always been honoured by Electron (electron/electron#23485).
 *
 * The page only loads its own bundled files; it talks to the backend through `window.api` (IPC),
 * so it needs no network at all (`connect-src 'none'`). No inline script, no `eval`.
 *
 * @example
 *   contentSecurityPolicy() // "default-src 'none'; script-src 'self'; …; frame-ancestors 'none'"
 */
const directives: readonly (readonly [string, string])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'none'"],
  ['media-src', "'none'"],
  ['object-src', "'none'"],
  ['worker-src', "'none'"],
  ['frame-src', "'none'"],
  ['child-src', "'none'"],
  ['manifest-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
]

/** Directives that a `<meta>` tag cannot carry (browsers ignore them there, with a warning). */
const headerOnly = new Set(['frame-ancestors'])

/** The policy as sent in the `Content-Security-Policy` response header. */
export function contentSecurityPolicy(): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ')
}

/** The same policy for `<meta http-equiv="Content-Security-Policy">` (header-only directives removed). */
export function contentSecurityPolicyMeta(): string {
  return directives
    .filter(([name]) => !headerOnly.has(name))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ')
}
