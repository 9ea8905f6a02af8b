/**
 * The parts of a booking request that the lifecycle added (issue 4): whether the hub must approve it,
 * the qualified operator some resources need (an agent of the hub holding the qualification, or the
 * commune's own operator), and delivery and pick-up by the hub. Drafts as typed, checks the form can
 * make itself, and the API fields. Pure, no DOM. The backend decides (QUALIFICATION_MISSING,
 * CONFLICT); these functions explain and prepare.
 */
import type { QualificationIssue } from '../../../../shared/domain/lifecycle'
import { lastLocalDay, qualificationIssues, qualificationMatches } from '../../../../shared/qualifications'
import { resolvePeriod } from '../../../../shared/time'
import type { Resource } from '../../../../shared/domain/types'
import type { ApiError } from '../../../../shared/errors'

/** « Opérateur fourni par la commune »: name and qualification, as typed. */
export interface OperatorDraft {
  readonly enabled: boolean
  readonly name: string
  readonly qualification: string
}

/** « Livraison et reprise par le pôle »: vehicle, agents (1 to 4), minutes each way, address. */
export interface DeliveryDraft {
  readonly enabled: boolean
  readonly vehicleId: string
  readonly agentIds: readonly string[]
  /** Minutes each way, as typed. */
  readonly minutes: string
  readonly address: string
}

export const emptyOperator: OperatorDraft = { enabled: false, name: '', qualification: '' }

export const emptyDelivery: DeliveryDraft = {
  enabled: false,
  vehicleId: '',
  agentIds: [],
  minutes: '60',
  address: '',
}

/** The most agents a delivery takes (the contract's limit). */
export const MAX_DELIVERY_AGENTS = 4

/** The chosen resources that make the request one the hub must approve (statut « demandée »). */
export function approvalResources(
  items: readonly { readonly resourceId: string }[],
  resourcesById: ReadonlyMap<string, Resource>,
): Resource[] {
  return items.flatMap((item) => {
    const resource = resourcesById.get(item.resourceId)
    return resource?.requiresApproval ? [resource] : []
  })
}

/** The chosen resources that need a qualified operator, with the qualification each needs. */
export function qualificationNeeds(
  items: readonly { readonly resourceId: string }[],
  resourcesById: ReadonlyMap<string, Resource>,
): { readonly resource: Resource; readonly qualification: string }[] {
  return items.flatMap((item) => {
    const resource = resourcesById.get(item.resourceId)
    const qualification = resource?.requiredQualification?.trim()
    return resource && qualification ? [{ resource, qualification }] : []
  })
}

/**
 * Active agents holding `qualification` (shared rule, `qualificationMatches`) valid on `lastDay` (`YYYY-MM-DD`, the booking's last day; no
 * expiry check when null), sorted by name: the ones the form offers to add.
 */
export function agentsHolding(
  qualification: string,
  resources: readonly Resource[],
  lastDay: string | null,
): Resource[] {
  return resources
    .filter(
      (r) =>
        r.kind === 'staff' &&
        !r.archived &&
        r.qualifications.some(
          (q) =>
            qualificationMatches(q.name, qualification) &&
            (q.expiresOn === null || lastDay === null || q.expiresOn >= lastDay),
        ),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
}

/** The `details.issues` of a QUALIFICATION_MISSING refusal; empty for any other error. */
export function qualificationIssuesOf(error: ApiError): QualificationIssue[] {
  if (error.code !== 'QUALIFICATION_MISSING') return []
  const details = error.details
  if (typeof details !== 'object' || details === null || !('issues' in details)) return []
  const issues = details.issues
  if (!Array.isArray(issues)) return []
  return issues.filter(
    (issue: unknown): issue is QualificationIssue =>
      typeof issue === 'object' &&
      issue !== null &&
      typeof (issue as { resourceId?: unknown }).resourceId === 'string' &&
      typeof (issue as { qualification?: unknown }).qualification === 'string' &&
      typeof (issue as { message?: unknown }).message === 'string',
  )
}

/** The operator the API receives, or null when the commune provides none. */
export function operatorToApi(draft: OperatorDraft): { name: string; qualification: string } | null {
  return draft.enabled ? { name: draft.name, qualification: draft.qualification } : null
}

/** The delivery the API receives, or null when not asked. Minutes typed badly become NaN (the schema explains). */
export function deliveryToApi(
  draft: DeliveryDraft,
): { vehicleId: string; agentIds: string[]; minutes?: number; address?: string } | null {
  if (!draft.enabled) return null
  const minutes = draft.minutes.trim()
  return {
    vehicleId: draft.vehicleId,
    agentIds: [...draft.agentIds],
    ...(minutes !== '' ? { minutes: /^\d+$/.test(minutes) ? Number(minutes) : Number.NaN } : {}),
    ...(draft.address.trim() ? { address: draft.address.trim() } : {}),
  }
}

/**
 * What the operator and delivery sections must fill before sending, keyed by the API paths the
 * backend would use (`providedOperator.name`, `delivery.vehicleId`…).
 */
export function lifecycleMissingFields(
  operator: OperatorDraft,
  delivery: DeliveryDraft,
): Record<string, string> {
  const missing: Record<string, string> = {}
  if (operator.enabled) {
    if (!operator.name.trim())
      missing['providedOperator.name'] = 'Indiquez le nom de l’opérateur de la commune.'
    if (!operator.qualification.trim()) {
      missing['providedOperator.qualification'] = 'Indiquez sa qualification (ex. CACES R486).'
    }
  }
  if (delivery.enabled) {
    if (!delivery.vehicleId) missing['delivery.vehicleId'] = 'Choisissez le véhicule de la livraison.'
    if (delivery.agentIds.length === 0) missing['delivery.agentIds'] = 'Choisissez au moins un agent.'
    const minutes = delivery.minutes.trim()
    if (minutes !== '' && (!/^\d+$/.test(minutes) || Number(minutes) < 15 || Number(minutes) > 480)) {
      missing['delivery.minutes'] = 'Une durée de 15 à 480 minutes.'
    }
  }
  return missing
}

/** Toggles an agent of the delivery, keeping at most MAX_DELIVERY_AGENTS. */
export function toggleAgent(agentIds: readonly string[], agentId: string): string[] {
  if (agentIds.includes(agentId)) return agentIds.filter((id) => id !== agentId)
  return agentIds.length >= MAX_DELIVERY_AGENTS ? [...agentIds] : [...agentIds, agentId]
}

/**
 * Live feedback on qualified operators (the shared rule of `shared/qualifications.ts`, the one the
 * backend applies): the issues of the request as typed, or null while its period is not known.
 * @param range the API's `{ start, end }` of the period typed (`periodToApi`), or null
 */
export function draftQualificationIssues(
  range: { readonly start: string; readonly end: string } | null,
  items: readonly { readonly resourceId: string }[],
  operator: OperatorDraft,
  resourcesById: ReadonlyMap<string, Resource>,
): { readonly issues: QualificationIssue[]; readonly lastDay: string } | null {
  if (!range) return null
  let period: { end: number; endDate: string | null }
  try {
    period = resolvePeriod(range.start, range.end)
  } catch {
    return null
  }
  const resources = items.flatMap((item) => {
    const resource = resourcesById.get(item.resourceId)
    return resource ? [resource] : []
  })
  const provided = operator.enabled && operator.qualification.trim() ? operatorToApi(operator) : null
  return { issues: qualificationIssues(period, resources, provided), lastDay: lastLocalDay(period) }
}
