import { useNavigation } from '../../stores/navigation'
import { ResourceDetailPage } from '../resource/ResourceDetailPage'
import { InventoryPage } from './InventoryPage'

/** `#/inventaire` shows the list; `#/inventaire/<id>` the detail page of one resource. */
export function InventoryRoute() {
  const resourceId = useNavigation((s) => s.params.path[0] ?? null)
  return resourceId ? <ResourceDetailPage key={resourceId} resourceId={resourceId} /> : <InventoryPage />
}
