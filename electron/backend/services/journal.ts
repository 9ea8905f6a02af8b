/**
 * `journal.list`: the journal of every change, newest first (hybrid logical order), filtered and
 * paginated (issue 6).
 */
import type { z } from 'zod'
import type { journalListInput } from '../../../shared/api/account-schemas'
import type { JournalPage } from '../../../shared/domain/accounts'
import { DomainError } from '../../../shared/errors'
import { readTransaction } from '../db/connection'
import { listJournal, listJournalActors } from '../db/repositories/audit'
import type { ServiceContext } from './context'
import { momentFromInput } from './periods'

/** Entries per page when `limit` is not given. */
export const JOURNAL_PAGE_SIZE = 50

const frenchOrder = new Intl.Collator('fr', { sensitivity: 'base' })

/**
 * One page of the journal. `from`/`to` bound the instant of the change `[from, to)`; a date means
 * local midnight starting it (Europe/Paris).
 * @throws DomainError INVALID_INPUT when `to` is not after `from`
 */
export function listJournalPage(ctx: ServiceContext, input: z.output<typeof journalListInput>): JournalPage {
  const from = input.from === undefined ? undefined : momentFromInput(input.from)
  const to = input.to === undefined ? undefined : momentFromInput(input.to)
  if (from !== undefined && to !== undefined && to <= from) {
    const message = 'La fin de la période doit être après son début.'
    throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'to', message }] })
  }
  const limit = input.limit ?? JOURNAL_PAGE_SIZE
  return readTransaction(ctx.db, () => {
    const { entries, more } = listJournal(ctx.db, {
      fromIso: from === undefined ? undefined : new Date(from).toISOString(),
      toIso: to === undefined ? undefined : new Date(to).toISOString(),
      actor: input.actor,
      entity: input.entity,
      entityId: input.entityId,
      resourceId: input.resourceId,
      communeId: input.communeId,
      beforeHlc: input.before,
      limit,
    })
    return {
      entries,
      next: more ? (entries.at(-1)?.hlc ?? null) : null,
      actors: listJournalActors(ctx.db).sort(frenchOrder.compare),
    }
  })
}
