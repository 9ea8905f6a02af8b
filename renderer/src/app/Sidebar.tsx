import type { Route } from '../stores/navigation'
import { hashOf } from '../stores/navigation'

const items: readonly { route: Route; label: string; icon: string }[] = [
  { route: 'planning', label: 'Planning', icon: '▤' },
  { route: 'inventaire', label: 'Inventaire', icon: '☰' },
  { route: 'reservations', label: 'Réservations', icon: '✎' },
  { route: 'calendrier', label: 'Calendrier', icon: '▦' },
  { route: 'disponibilites', label: 'Disponibilités', icon: '✓' },
]

/** The left navigation: one link per page, the current one marked `aria-current="page"`. */
export function Sidebar({ current }: { readonly current: Route }) {
  return (
    <nav className="sidebar" aria-label="Navigation principale">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          M
        </span>
        <span className="sidebar__product">Mutualisation</span>
      </div>
      <ul className="sidebar__list">
        {items.map((item) => (
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
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
