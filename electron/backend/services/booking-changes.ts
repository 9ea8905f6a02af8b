/**
 * How a stored booking follows what is asked of it afterwards: the status after a change (back to the
 * hub's inbox or approved), and a retry recognised by its client request key.
 */
import type { z } from 'zod'
import type { bookingsCreateInput } from '../../../shared/api/schemas'
import type { RequestedItem } from '../../../shared/availability'
import type { BookingStatus } from '../../../shared/domain/types'
import type { Period } from '../../../shared/time'
import type { BookingRecord } from '../db/repositories/bookings'
import type { ResourceRecord } from '../db/repositories/resources'
import type { ServiceContext } from './context'

/** Is a retry the request stored under its key: same commune, title, period and items? */
export function sameRequest(
  stored: BookingRecord,
  input: z.output<typeof bookingsCreateInput>,
  period: Period,
): boolean {
  const items = (list: readonly { resourceId: string; quantity?: number | undefined }[]) =>
    list
      .map((i) => `${i.resourceId}:${i.quantity ?? 1}`)
      .sort()
      .join(',')
  return (
    stored.communeId === input.communeId &&
    stored.title === input.title &&
    stored.start === period.start &&
    stored.end === period.end &&
    items(stored.items) === items(input.items)
  )
}

/**
 * The status of a requested or approved booking after a change. A request whose items no longer need
 * the hub's approval is approved, as `bookings.create` would have made it. An approved booking goes back
 * to the inbox when it gains an item needing approval, or when a commune (not the hub) moves or changes
 * one that needs it: what the hub approved is not what it holds any more.
 */
export function statusAfterChange(
  ctx: ServiceContext,
  before: BookingRecord,
  items: readonly RequestedItem[],
  resources: ReadonlyMap<string, ResourceRecord>,
  changed: boolean,
): BookingStatus {
  const needsApproval = items.some((i) => resources.get(i.resourceId)?.requiresApproval === true)
  if (!needsApproval) return 'approved'
  if (before.status !== 'approved') return before.status
  const gainsApproval = items.some(
    (i) =>
      resources.get(i.resourceId)?.requiresApproval === true &&
      !before.items.some((b) => b.resourceId === i.resourceId),
  )
  return gainsApproval || (changed && (ctx.communeScope ?? null) !== null) ? 'requested' : 'approved'
}
