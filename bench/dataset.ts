/**
 * Generates the benchmark database through the repositories, and holds the baseline: a bare prepared
 * overlap query plus insert, the least any booking write can cost (raw SQL on purpose: it is the
 * yardstick the dispatcher is measured against).
 */
import { randomUUID } from 'node:crypto'
import { openDatabase, writeTransaction, type Db } from '../electron/backend/db/connection'
import {
  freshLifecycle,
  insertBooking,
  type BookingRecord,
} from '../electron/backend/db/repositories/bookings'
import { listCommunes } from '../electron/backend/db/repositories/communes'
import { listHubs } from '../electron/backend/db/repositories/hubs'
import { insertResource, newResourceRecord } from '../electron/backend/db/repositories/resources'

export interface Dataset {
  readonly db: Db
  readonly communeId: string
  readonly resourceIds: string[]
  readonly unitIds: string[]
  readonly bookingCount: number
  close(): void
}

const HOUR = 3_600_000
const FROM = Date.parse('2026-01-01T00:00:00Z')
const TO = Date.parse('2031-01-01T00:00:00Z')

/** A small deterministic generator (mulberry32, 32-bit integer arithmetic), so two runs measure the same database. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export function generateDataset(dir: string, resources: number, bookings: number): Dataset {
  const db = openDatabase(dir)
  const next = random(42)
  const hubId = listHubs(db)[0]?.id ?? ''
  const communes = listCommunes(db).filter((c) => c.hubId === hubId)
  const at = new Date(FROM).toISOString()
  const resourceIds: string[] = []
  const unitIds: string[] = []
  writeTransaction(db, () => {
    for (let i = 0; i < resources; i++) {
      const stock = i % 5 === 0
      const id = randomUUID()
      resourceIds.push(id)
      if (!stock) unitIds.push(id)
      insertResource(
        db,
        newResourceRecord(
          {
            id,
            hubId,
            kind: i % 10 === 9 ? 'staff' : i % 10 === 8 ? 'vehicle' : 'equipment',
            name: `Ressource ${i + 1}`,
            at,
          },
          {
            tracking: stock ? 'stock' : 'unit',
            quantity: stock ? 100 : 1,
            condition: null,
            bufferBeforeMinutes: i % 7 === 0 ? 60 : 0,
            bufferAfterMinutes: i % 7 === 0 ? 60 : 0,
            inventoryNumber: `B-${i}`,
          },
        ),
      )
    }
    // Each resource gets its share of bookings one after the other, spread over five years.
    const perResource = Math.ceil(bookings / resources)
    const span = (TO - FROM) / perResource
    let count = 0
    for (const [index, resourceId] of resourceIds.entries()) {
      // Each resource on its own phase, so that every week of the five years is as busy as the next.
      const phase = Math.floor(next() * (span / 2 / HOUR)) * HOUR
      for (let k = 0; k < perResource && count < bookings; k++) {
        const start = FROM + phase + k * span + Math.floor(next() * (span / 2 / HOUR)) * HOUR
        const end = start + (2 + Math.floor(next() * 30)) * HOUR
        const record: BookingRecord = {
          id: randomUUID(),
          reference: `RES-BENCH-${count}`,
          hubId,
          communeId: communes[count % communes.length]?.id ?? '',
          title: 'Réservation générée',
          notes: '',
          status: 'approved',
          start,
          end,
          allDay: false,
          startDate: null,
          endDate: null,
          cancelReason: null,
          createdAt: at,
          updatedAt: at,
          items: [{ resourceId, quantity: index % 5 === 0 ? 1 + Math.floor(next() * 20) : 1 }],
          ...freshLifecycle,
        }
        insertBooking(db, record)
        count++
      }
    }
  })
  db.pragma('optimize')
  const count = (db.prepare('SELECT count(*) AS n FROM bookings').get() as { n: number }).n
  return {
    db,
    communeId: communes[0]?.id ?? '',
    resourceIds,
    unitIds,
    bookingCount: count,
    close: () => db.close(),
  }
}

/** The baseline write: one overlap query and two inserts in one `BEGIN IMMEDIATE` transaction. */
export function bareBook(data: Dataset, resourceId: string, start: number, end: number, id: string): void {
  const overlap = data.db.prepare(
    `SELECT 1 FROM booking_items i JOIN bookings b ON b.id = i.booking_id
     WHERE i.resource_id = ? AND b.start_ms < ? AND b.end_ms > ? AND b.status IN ('requested', 'approved', 'checked_out') LIMIT 1`,
  )
  const insert = data.db.prepare(
    `INSERT INTO bookings (id, reference, hub_id, commune_id, title, status, start_ms, end_ms, all_day, created_at, updated_at)
     SELECT ?, ?, hub_id, ?, 'Bench', 'approved', ?, ?, 0, '', '' FROM resources WHERE id = ?`,
  )
  const item = data.db.prepare(
    'INSERT INTO booking_items (booking_id, resource_id, quantity) VALUES (?, ?, 1)',
  )
  writeTransaction(data.db, () => {
    if (overlap.get(resourceId, end, start)) return
    insert.run(id, `BARE-${id}`, data.communeId, start, end, resourceId)
    item.run(id, resourceId)
  })
}
