import type { Route } from '../stores/navigation'
import { hashOf } from '../stores/navigation'
import { countBadge } from '../features/inbox/model'
import { effectiveRole, routeAllowed } from '../features/accounts/model'
import { useSession } from '../features/accounts/session'
import { SidebarAccount } from '../features/accounts/SidebarAccount'

const items: readonly { route: Route; label: string; icon: string }[] = [
  { route: 'planning', label: 'Planning', icon: '▤' },
  { route: 'demandes', label: 'Demandes', icon: '✉' },
  { route: 'depot', label: 'Dépôt', icon: '⇄' },
  { route: 'inventaire', label: 'Inventaire', icon: '☰' },
  { route: 'reservations', label: 'Réservations', icon: '✎' },
  { route: 'calendrier', label: 'Calendrier', icon: '▦' },
  { route: 'disponibilites', label: 'Disponibilités', icon: '✓' },
  { route: 'refacturation', label: 'Refacturation', icon: '€' },
  { route: 'bilan', label: 'Bilan', icon: '◔' },
  { route: 'parametres', label: 'Paramètres', icon: '⚙' },
  { route: 'sauvegardes', label: 'Sauvegardes', icon: '⟲' },
  { route: 'journal', label: 'Journal', icon: '☷' },
  { route: 'comptes', label: 'Comptes', icon: '☺' },
]

/**
 * The left navigation: one link per page, the current one marked `aria-current="page"`; `counts` puts a
 * figure beside an entry (the pending requests beside « Demandes »), none when 0 or unknown.
 */
export function Sidebar({
  current,
  counts = {},
}: {
  readonly current: Route
  readonly counts?: Partial<Record<Route, number | null>>
}) {
  // Pages the role cannot use are not offered (the backend refuses them anyway).
  const role = useSession(effectiveRole)
  return (
    <nav className="sidebar" aria-label="Navigation principale">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          M
        </span>
        <span className="sidebar__product">Mutualisation</span>
      </div>
      <ul className="sidebar__list">
        {items
          .filter((item) => routeAllowed(role, item.route))
          .map((item) => (
            <li key={item.route}>
              <a
                href={hashOf(item.route)}
                className={`sidebar__link${item.route === current ? ' is-active' : ''}`}
                aria-current={item.route === current ? 'page' : undefined}
              >
                <span className="sidebar__icon" aria-hidden="true">
                  {item.icon}
                </span>
                {item.label}
                {countBadge(counts[item.route] ?? 0) ? (
                  <span className="sidebar__count" data-testid={`sidebar-count-${item.route}`}>
                    {countBadge(counts[item.route] ?? 0)}
                    <span className="visually-hidden"> en attente</span>
                  </span>
                ) : null}
              </a>
            </li>
          ))}
      </ul>
      <SidebarAccount />
    </nav>
  )
}
