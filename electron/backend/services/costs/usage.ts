/**
 * `reports.usage`: the bilan d'utilisation of a period, per resource, category or commune (the rules
 * are shared/costs/usage.ts). Reads everything in one read transaction.
 */
import type { z } from 'zod'
import type { reportsUsageInput } from '../../../../shared/api/cost-schemas'
import { buildUsageReport } from '../../../../shared/costs/usage'
import type { UsageReport } from '../../../../shared/domain/costs'
import { addDaysToDate, startOfLocalDate } from '../../../../shared/time'
import { readTransaction } from '../../db/connection'
import { listBookings } from '../../db/repositories/bookings'
import { listCategories } from '../../db/repositories/categories'
import { listCommunes } from '../../db/repositories/communes'
import { listResources } from '../../db/repositories/resources'
import type { ServiceContext } from '../context'
import { chargedBookings, chargedStatuses, useLines } from './report'

/** `reports.usage` for the local dates `[from, to]` (Europe/Paris, inclusive). */
export function usageReport(ctx: ServiceContext, input: z.output<typeof reportsUsageInput>): UsageReport {
  return readTransaction(ctx.db, () => {
    const overlapping = listBookings(ctx.db, {
      from: startOfLocalDate(input.from),
      to: startOfLocalDate(addDaysToDate(input.to, 1)),
    }).filter((b) => chargedStatuses.includes(b.status))
    const starting = chargedBookings(ctx, input.from, input.to)
    return buildUsageReport({
      from: input.from,
      to: input.to,
      groupBy: input.groupBy,
      bookings: overlapping.map((b) => ({ id: b.id, communeId: b.communeId, period: b, items: b.items })),
      resources: listResources(ctx.db, { includeArchived: true }).map((r) => ({
        id: r.id,
        name: r.name,
        categoryId: r.categoryId,
        quantity: r.quantity,
        purchaseValueCents: r.purchaseValueCents,
        archived: r.archivedAt !== null,
      })),
      categories: listCategories(ctx.db),
      communes: listCommunes(ctx.db),
      lines: useLines(ctx, starting),
    })
  })
}
