import type { LogisticsKind } from '../../../../shared/domain/lifecycle'
import { blockingStatuses } from '../../../../shared/domain/types'
import { prepare, type Db } from '../connection'

/** A delivery or pick-up as stored: `[start, end)` in epoch ms, with the vehicle and agents it occupies. */
export interface LogisticsTaskRecord {
  readonly id: string
  readonly bookingId: string
  readonly reference: string
  readonly communeId: string
  readonly kind: LogisticsKind
  readonly start: number
  readonly end: number
  readonly address: string
  readonly resourceIds: readonly string[]
}

interface DbTask {
  id: string
  booking_id: string
  reference: string
  commune_id: string
  kind: LogisticsKind
  start_ms: number
  end_ms: number
  address: string
  resource_ids: string
}

const select = `SELECT t.id, t.booking_id, b.reference, b.commune_id, t.kind, t.start_ms, t.end_ms, t.address,
    -- Insertion order: the vehicle first, then the agents as the request listed them.
    (SELECT json_group_array(resource_id) FROM (
       SELECT resource_id FROM logistics_task_resources WHERE task_id = t.id ORDER BY rowid)) AS resource_ids
  FROM logistics_tasks t JOIN bookings b ON b.id = t.booking_id`

function toRecord(row: DbTask): LogisticsTaskRecord {
  return {
    id: row.id,
    bookingId: row.booking_id,
    reference: row.reference,
    communeId: row.commune_id,
    kind: row.kind,
    start: row.start_ms,
    end: row.end_ms,
    address: row.address,
    resourceIds: JSON.parse(row.resource_ids) as string[],
  }
}

/** Replaces the tasks of a booking (none when `tasks` is empty). The caller holds the write transaction. */
export function replaceLogisticsTasks(
  db: Db,
  bookingId: string,
  tasks: readonly Omit<LogisticsTaskRecord, 'reference' | 'communeId'>[],
): void {
  prepare(
    db,
    `DELETE FROM logistics_task_resources
     WHERE task_id IN (SELECT id FROM logistics_tasks WHERE booking_id = ?)`,
  ).run(bookingId)
  prepare(db, 'DELETE FROM logistics_tasks WHERE booking_id = ?').run(bookingId)
  const insertTask = prepare(
    db,
    'INSERT INTO logistics_tasks (id, booking_id, kind, start_ms, end_ms, address) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const insertResource = prepare(
    db,
    'INSERT INTO logistics_task_resources (task_id, resource_id) VALUES (?, ?)',
  )
  for (const task of tasks) {
    insertTask.run(task.id, bookingId, task.kind, task.start, task.end, task.address)
    for (const resourceId of task.resourceIds) insertResource.run(task.id, resourceId)
  }
}

/** The tasks of one booking, delivery first. */
export function listTasksOfBooking(db: Db, bookingId: string): LogisticsTaskRecord[] {
  return prepare<[string], DbTask>(db, `${select} WHERE t.booking_id = ? ORDER BY t.start_ms`)
    .all(bookingId)
    .map(toRecord)
}

/** Tasks of blocking bookings overlapping `[from, to)` (epoch ms), by start. */
export function listTasks(db: Db, from: number, to: number): LogisticsTaskRecord[] {
  return prepare<[number, number, string], DbTask>(
    db,
    `${select} WHERE t.start_ms < ? AND t.end_ms > ? AND b.status IN (SELECT value FROM json_each(?))
     ORDER BY t.start_ms, b.reference`,
  )
    .all(to, from, JSON.stringify(blockingStatuses))
    .map(toRecord)
}
