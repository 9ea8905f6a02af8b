/**
 * The Journal page: filters typed → `journal.list` input, and what each entry is about, in French.
 * The changes themselves are formatted by the resource page's journal (features/resource/journal.ts).
 * Pure, no DOM.
 */
import type { MethodInput } from '../../../../shared/api/contract'
import type { journalEntities } from '../../../../shared/api/account-schemas'
import type { JournalEntry } from '../../../../shared/domain/accounts'
import type { Resource, ResourceKind } from '../../../../shared/domain/types'
import { addDaysToDate } from '../../../../shared/time'
import { parseDateText } from '../../lib/period'
import type { JournalContext, JournalLine } from '../resource/journal'
import { journalLines } from '../resource/journal'

export type JournalEntity = (typeof journalEntities)[number]

/** The filters as typed: dates `jj/mm/aaaa` (both days included), empty strings for « tous ». */
export interface JournalFilters {
  readonly from: string
  readonly to: string
  readonly actor: string
  readonly resourceId: string
  readonly communeId: string
  readonly entity: '' | JournalEntity
}

export const emptyJournalFilters: JournalFilters = {
  from: '',
  to: '',
  actor: '',
  resourceId: '',
  communeId: '',
  entity: '',
}

/** French names of the kinds of entries, for the « Type » filter. */
export const entityLabels: Readonly<Record<JournalEntity, string>> = {
  booking: 'Réservations',
  resource: 'Ressources',
  unavailability: 'Indisponibilités',
  category: 'Catégories',
  user: 'Comptes',
  database: 'Base de données',
}

/** Problems of the typed dates, by field; empty when the filters can be sent. */
export function journalFilterErrors(filters: JournalFilters): Partial<Record<'from' | 'to', string>> {
  const errors: Partial<Record<'from' | 'to', string>> = {}
  const from = filters.from.trim() === '' ? null : parseDateText(filters.from)
  const to = filters.to.trim() === '' ? null : parseDateText(filters.to)
  if (filters.from.trim() !== '' && from === null) errors.from = 'Date au format jj/mm/aaaa.'
  if (filters.to.trim() !== '' && to === null) errors.to = 'Date au format jj/mm/aaaa.'
  if (from !== null && to !== null && to < from) errors.to = 'Le dernier jour doit suivre le premier.'
  return errors
}

/**
 * The `journal.list` input of valid filters: the last day is included (the API's `to` is the
 * midnight after it, Europe/Paris).
 */
export function journalQuery(filters: JournalFilters, before?: string): MethodInput<'journal.list'> {
  const from = parseDateText(filters.from)
  const to = parseDateText(filters.to)
  return {
    ...(from ? { from } : {}),
    ...(to ? { to: addDaysToDate(to, 1) } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.resourceId ? { resourceId: filters.resourceId } : {}),
    ...(filters.communeId ? { communeId: filters.communeId } : {}),
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(before ? { before } : {}),
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function text(...values: unknown[]): string | null {
  const found = values.find((v) => typeof v === 'string' && v.trim() !== '')
  return typeof found === 'string' ? found : null
}

/**
 * What an entry is about: « RES-2026-0003 « Fête » » (the action already says « Réservation… »),
 * « Ressource « Nacelle 12 m » »,
 * « Compte Claire Martin (c.martin) »… read from the record before or after the change.
 */
export function entrySubject(entry: JournalEntry, resourcesById: ReadonlyMap<string, Resource>): string {
  const after = record(entry.after)
  const before = record(entry.before)
  const field = (name: string) => text(after[name], before[name])
  switch (entry.entity) {
    case 'booking': {
      const title = field('title')
      return `${field('reference') ?? 'Réservation'}${title ? ` « ${title} »` : ''}`
    }
    case 'resource':
      return `Ressource « ${resourcesById.get(entry.entityId)?.name ?? field('name') ?? '?'} »`
    case 'unavailability': {
      const resourceId = field('resourceId') ?? ''
      return `Indisponibilité de « ${resourcesById.get(resourceId)?.name ?? '?'} »`
    }
    case 'category':
      return `Catégorie « ${field('name') ?? '?'} »`
    case 'user':
      return `Compte ${field('displayName') ?? ''} (${field('login') ?? '?'})`
    case 'database':
      return 'Base de données'
    default:
      return entry.entity
  }
}

/** The kind of resource an entry is about, so that inspection dates get their right name. */
function kindOf(entry: JournalEntry, resourcesById: ReadonlyMap<string, Resource>): ResourceKind {
  const after = record(entry.after)
  const resourceId = entry.entity === 'resource' ? entry.entityId : text(after.resourceId)
  return (resourceId ? resourcesById.get(resourceId)?.kind : undefined) ?? 'equipment'
}

/** The entries as the Journal page shows them: subject, when, who, and each change before → after. */
export function journalPageLines(
  entries: readonly JournalEntry[],
  ctx: Omit<JournalContext, 'resourceKind'>,
  resourcesById: ReadonlyMap<string, Resource>,
): JournalLine[] {
  return entries.map((entry) => ({
    ...journalLines([entry], { ...ctx, resourceKind: kindOf(entry, resourcesById) })[0]!,
    subject: entrySubject(entry, resourcesById),
  }))
}
