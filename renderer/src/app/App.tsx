import { useEffect, useRef } from 'react'
import { assertNever } from '../../../shared/errors'
import { Loading, LoadError } from '../components/Feedback'
import { AccountsPage } from '../features/accounts/AccountsPage'
import { useCan } from '../features/accounts/session'
import { AvailabilityPage } from '../features/availability/AvailabilityPage'
import { useBookingActions } from '../features/booking/actions'
import { BookingRoute } from '../features/booking/BookingRoute'
import { BackupsPage } from '../features/backups/BackupsPage'
import { BilanPage } from '../features/bilan/BilanPage'
import { RefacturationPage } from '../features/costs/RefacturationPage'
import { BookingsPage } from '../features/bookings/BookingsPage'
import { CalendarPage } from '../features/calendar/CalendarPage'
import { DepotPage } from '../features/depot/DepotPage'
import { InboxPage } from '../features/inbox/InboxPage'
import { useInboxCount } from '../features/inbox/store'
import { InventoryRoute } from '../features/inventory/InventoryRoute'
import { JournalPage } from '../features/journal/JournalPage'
import { LabelsPage } from '../features/labels/LabelsPage'
import { PlanningPage } from '../features/planning/PlanningPage'
import { SettingsPage } from '../features/settings/SettingsPage'
import { prefetchPlanning } from '../features/planning/store'
import { formatLocalDatePattern, todayLocalDate } from '../lib/dates'
import type { Route } from '../stores/navigation'
import { useNavigation } from '../stores/navigation'
import { mainHub, useReference } from '../stores/reference'
import { Sidebar } from './Sidebar'

function Page({ route }: { readonly route: Route }) {
  switch (route) {
    case 'inventaire':
      return <InventoryRoute />
    case 'reservations':
      return <BookingsPage />
    case 'calendrier':
      return <CalendarPage />
    case 'disponibilites':
      return <AvailabilityPage />
    case 'etiquettes':
      return <LabelsPage />
    case 'planning':
      return <PlanningPage />
    case 'demandes':
      return <InboxPage />
    case 'depot':
      return <DepotPage />
    case 'reservation':
      return <BookingRoute />
    case 'sauvegardes':
      return <BackupsPage />
    case 'journal':
      return <JournalPage />
    case 'comptes':
      return <AccountsPage />
    case 'refacturation':
      return <RefacturationPage />
    case 'bilan':
      return <BilanPage />
    case 'parametres':
      return <SettingsPage />
    default:
      return assertNever(route)
  }
}

/** The application shell: sidebar, header with the hub's name, and the current page. */
export function App() {
  const route = useNavigation((s) => s.route)
  const subPath = useNavigation((s) => s.params.path.join('/'))
  const status = useReference((s) => s.status)
  const error = useReference((s) => s.error)
  const hubs = useReference((s) => s.hubs)
  const load = useReference((s) => s.load)
  const actionsVersion = useBookingActions((s) => s.version)
  const seesInbox = useCan('bookings.inbox')
  const pendingCount = useInboxCount(status === 'ready' && seesInbox, actionsVersion)

  useEffect(() => {
    void load()
  }, [load])
  // Opened on the planning board: its bookings load alongside the reference data.
  useEffect(() => {
    const { route: first, params } = useNavigation.getState()
    prefetchPlanning(first, params.query)
  }, [])

  // Each page opens at its top: the scroll container is shared by all pages.
  const content = useRef<HTMLElement>(null)
  useEffect(() => {
    content.current?.scrollTo({ top: 0 })
  }, [route, subPath])

  const hubName = mainHub(hubs)?.name ?? 'Pôle technique Ouest'
  const today = formatLocalDatePattern(todayLocalDate(), 'EEEE d MMMM yyyy')

  return (
    <div className="shell">
      <Sidebar
        current={route === 'etiquettes' ? 'inventaire' : route === 'reservation' ? 'reservations' : route}
        counts={{ demandes: pendingCount }}
      />
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
