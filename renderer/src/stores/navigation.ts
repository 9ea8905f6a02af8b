/**
 * Which page is shown. The route lives in the URL hash (`#/reservations`) so that reloads and the
 * back button work, in the browser and from `file://` in Electron; this store mirrors it.
 */
import { create } from 'zustand'

export const routes = ['inventaire', 'reservations', 'calendrier', 'disponibilites'] as const
export type Route = (typeof routes)[number]

export const defaultRoute: Route = 'reservations'

/** The route named by a hash such as `#/calendrier`; the default route for anything else. */
export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '')
  return (routes as readonly string[]).includes(name) ? (name as Route) : defaultRoute
}

export function hashOf(route: Route): string {
  return `#/${route}`
}

interface NavigationState {
  readonly route: Route
  /** Called by the hash listener; does not touch the URL. */
  readonly syncFromHash: (hash: string) => void
}

export const useNavigation = create<NavigationState>()((set) => ({
  route: routeFromHash(window.location.hash),
  syncFromHash: (hash) => set({ route: routeFromHash(hash) }),
}))

/** Shows another page: changes the hash; the `hashchange` listener updates the store. */
export function navigate(route: Route): void {
  if (window.location.hash === hashOf(route)) useNavigation.getState().syncFromHash(hashOf(route))
  else window.location.hash = hashOf(route)
}

/** Starts mirroring the URL hash; returns the function that stops it. */
export function startHashSync(): () => void {
  const onChange = () => useNavigation.getState().syncFromHash(window.location.hash)
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}
