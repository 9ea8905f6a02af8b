import { useEffect, useRef } from 'react'
import { assertNever } from '../../../shared/errors'
import { Loading, LoadError } from '../components/Feedback'
import { AvailabilityPage } from '../features/availability/AvailabilityPage'
import { BookingsPage } from '../features/bookings/BookingsPage'
import { CalendarPage } from '../features/calendar/CalendarPage'
import { InventoryPage } from '../features/inventory/InventoryPage'
import { formatLocalDatePattern, todayLocalDate } from '../lib/dates'
import type { Route } from '../stores/navigation'
import { useNavigation } from '../stores/navigation'
import { mainHub, useReference } from '../stores/reference'
import { Sidebar } from './Sidebar'

function Page({ route }: { readonly route: Route }) {
  switch (route) {
    case 'inventaire':
      return <InventoryPage />
    case 'reservations':
      return <BookingsPage />
    case 'calendrier':
      return <CalendarPage />
    case 'disponibilites':
      return <AvailabilityPage />
    default:
      return assertNever(route)
  }
}

/** The application shell: sidebar, header with the hub's name, and the current page. */
export function App() {
  const route = useNavigation((s) => s.route)
  const status = useReference((s) => s.status)
  const error = useReference((s) => s.error)
  const hubs = useReference((s) => s.hubs)
  const load = useReference((s) => s.load)

  useEffect(() => {
    void load()
  }, [load])

  // Each page opens at its top: the scroll container is shared by all pages.
  const content = useRef<HTMLElement>(null)
  useEffect(() => {
    content.current?.scrollTo({ top: 0 })
  }, [route])

  const hubName = mainHub(hubs)?.name ?? 'Pôle technique Ouest'
  const today = formatLocalDatePattern(todayLocalDate(), 'EEEE d MMMM yyyy')

  return (
    <div className="shell">
      <Sidebar current={route} />
      <div className="shell__main">
        <header className="topbar">
          <div className="topbar__hub">
            <span className="topbar__eyebrow">Communauté de Communes du Pays de Mortagne</span>
            <span className="topbar__name" data-testid="hub-name">
              {hubName}
            </span>
          </div>
          <span className="topbar__date">{today.charAt(0).toUpperCase() + today.slice(1)}</span>
        </header>
        <main className="content" ref={content}>
          {status === 'error' && error ? (
            <div className="page">
              <LoadError message={error} onRetry={() => void load()} />
            </div>
          ) : status === 'ready' ? (
            <Page route={route} />
          ) : (
            <div className="page">
              <Loading label="Chargement des communes et de l’inventaire…" />
            </div>
          )}
        </main>
      </div>
    </div>
  )
}
