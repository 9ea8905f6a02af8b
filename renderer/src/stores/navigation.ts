/**
 * Which page is shown. The route lives in the URL hash (`#/reservations`) so that reloads and the
 * back button work, in the browser and from `file://` in Electron; this store mirrors it.
 */
import { create } from 'zustand'

export const routes = [
  'planning',
  'inventaire',
  'reservations',
  'calendrier',
  'disponibilites',
  'etiquettes',
  'demandes',
  'depot',
  'reservation',
  'sauvegardes',
  'journal',
  'comptes',
  'refacturation',
  'bilan',
  'parametres',
] as const
export type Route = (typeof routes)[number]

export const defaultRoute: Route = 'reservations'

/** What follows the route name in the hash: `#/inventaire/<id>` → path `[id]`; `#/etiquettes?ids=a,b` → query `{ ids: 'a,b' }`. */
export interface RouteParams {
  readonly path: readonly string[]
  readonly query: Readonly<Record<string, string>>
}

/**
 * The route and its parameters named by a hash such as `#/calendrier`, `#/inventaire/<id>` or
 * `#/etiquettes?ids=a,b`; the default route (no parameters) for anything else.
 */
export function parseHash(hash: string): { route: Route; params: RouteParams } {
  const text = hash.replace(/^#\/?/, '')
  const [pathText = '', queryText = ''] = text.split('?', 2)
  const [name = '', ...path] = pathText.split('/').map((part) => {
    try {
      return decodeURIComponent(part)
    } catch {
      return part
    }
  })
  if (!(routes as readonly string[]).includes(name)) {
    return { route: defaultRoute, params: { path: [], query: {} } }
  }
  const query = Object.fromEntries(new URLSearchParams(queryText).entries())
  return { route: name as Route, params: { path: path.filter((p) => p !== ''), query } }
}

/** The route named by a hash such as `#/calendrier`; the default route for anything else. */
export function routeFromHash(hash: string): Route {
  return parseHash(hash).route
}

export function hashOf(route: Route): string {
  return `#/${route}`
}

interface NavigationState {
  readonly route: Route
  readonly params: RouteParams
  /** Called by the hash listener; does not touch the URL. */
  readonly syncFromHash: (hash: string) => void
}

export const useNavigation = create<NavigationState>()((set) => ({
  ...parseHash(window.location.hash),
  syncFromHash: (hash) => set(parseHash(hash)),
}))

/** Shows another page: changes the hash; the `hashchange` listener updates the store. */
export function navigate(route: Route): void {
  if (window.location.hash === hashOf(route)) useNavigation.getState().syncFromHash(hashOf(route))
  else window.location.hash = hashOf(route)
}

/** Shows a page with parameters, e.g. `navigateToHash('#/inventaire/<id>')`. */
export function navigateToHash(hash: string): void {
  if (window.location.hash === hash) useNavigation.getState().syncFromHash(hash)
  else window.location.hash = hash
}

/** Starts mirroring the URL hash; returns the function that stops it. */
export function startHashSync(): () => void {
  const onChange = () => useNavigation.getState().syncFromHash(window.location.hash)
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}
