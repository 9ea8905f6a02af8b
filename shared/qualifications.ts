/**
 * The qualified-operator rule (issue 4): a resource with a `requiredQualification` (CACES R486 for a
 * nacelle, Permis C for a truck) may only be lent with an operator holding it over the whole period —
 * an agent of the same booking whose qualification has not expired by the period's last local day
 * (Europe/Paris), or the commune's own operator named in the booking. Pure: the backend applies it
 * inside the write transaction, the renderer may call it for live feedback.
 */
import type { QualificationIssue } from './domain/lifecycle'
import type { ProvidedOperator, Qualification, ResourceKind } from './domain/types'
import { formatLocalDateFr, instantToLocalDate } from './time'

/** What the rule needs to know about a resource of the booking. */
export interface QualifiedResource {
  readonly id: string
  readonly name: string
  readonly kind: ResourceKind
  readonly requiredQualification: string | null
  readonly qualifications: readonly Qualification[]
}

/** `CACES  r486 ` → `caces r486`: names are typed by hand in the inventory. */
function normalise(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr')
}

/**
 * Does `held` satisfy `required`? Equal, or more specific: « CACES R486 cat. B » satisfies « CACES R486 »;
 * « Permis CE » does not satisfy « Permis C » (the next character must end a word).
 */
export function qualificationMatches(held: string, required: string): boolean {
  const h = normalise(held)
  const r = normalise(required)
  return h === r || (h.startsWith(r) && /^[\s.,;:()-]/.test(h.slice(r.length)))
}

/** The last local day (`YYYY-MM-DD`, Europe/Paris) a period `[start, end)` touches. */
export function lastLocalDay(period: { readonly end: number; readonly endDate: string | null }): string {
  return period.endDate ?? instantToLocalDate(period.end - 1)
}

/**
 * The qualifications the booking lacks: one issue per resource needing an operator that no agent of the
 * booking (valid through `lastLocalDay(period)`) nor the commune's operator covers. Empty when all is well.
 */
export function qualificationIssues(
  period: { readonly end: number; readonly endDate: string | null },
  resources: readonly QualifiedResource[],
  providedOperator: ProvidedOperator | null,
): QualificationIssue[] {
  const lastDay = lastLocalDay(period)
  const agents = resources.filter((r) => r.kind === 'staff')
  const issues: QualificationIssue[] = []
  for (const resource of resources) {
    const required = resource.requiredQualification?.trim()
    if (!required) continue
    if (providedOperator && qualificationMatches(providedOperator.qualification, required)) continue
    const holders = agents.flatMap((agent) =>
      agent.qualifications
        .filter((q) => qualificationMatches(q.name, required))
        .map((q) => ({ agent, expiresOn: q.expiresOn })),
    )
    if (holders.some((h) => h.expiresOn === null || h.expiresOn >= lastDay)) continue
    const expired = holders[0]
    const message = expired
      ? `« ${resource.name} » demande un opérateur titulaire de ${required} : celle de ${expired.agent.name} ` +
        `expire le ${formatLocalDateFr(expired.expiresOn ?? lastDay)}, avant la fin de la réservation ` +
        `(${formatLocalDateFr(lastDay)}). Ajoutez un autre agent qualifié ou indiquez l’opérateur fourni par la commune.`
      : `« ${resource.name} » demande un opérateur titulaire de ${required} : ajoutez un agent qui en est titulaire ` +
        `ou indiquez l’opérateur qualifié fourni par la commune (nom et qualification).`
    issues.push({ resourceId: resource.id, resourceName: resource.name, qualification: required, message })
  }
  return issues
}
