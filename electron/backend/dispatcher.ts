/**
 * The one entry point of the API: validates the input with the contract's schema, runs the
 * handler and wraps the outcome in the envelope `{ ok, value } | { ok: false, error }`.
 */
import type { z } from 'zod'
import { contract, isMethodName, type MethodName } from '../../shared/api/contract'
import { DomainError, type ApiResult, type FieldIssue } from '../../shared/errors'
import type { Access } from './auth/access'
import { actorOf, scopedCommuneOf, type Principal } from './auth/principal'
import type { Handler, HandlerMap } from './handlers'
import type { ServiceContext } from './services/context'
import type { Caller } from './types'

/** Longest message and path an answer repeats, and most issues it lists: a hostile input must not come back huge. */
const MAX_MESSAGE = 300
const MAX_PATH = 200
const MAX_ISSUES = 50

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: clip(issue.path.map(String).join('.'), MAX_PATH),
    message: clip(issue.message, MAX_MESSAGE),
  }))
}

/** French names of input fields, for messages read by people (the path stays in `details`). */
const fieldLabels: Record<string, string> = {
  communeId: 'commune',
  title: 'objet',
  start: 'début',
  end: 'fin',
  from: 'début de la période',
  to: 'fin de la période',
  items: 'ressources',
  resourceId: 'ressource',
  quantity: 'quantité',
  notes: 'notes',
  reason: 'motif',
  kind: 'type',
  name: 'nom',
  tracking: 'suivi',
  categoryId: 'catégorie',
  hubId: 'pôle',
  bufferBeforeMinutes: 'marge avant',
  bufferAfterMinutes: 'marge après',
  inventoryNumber: 'n° d’inventaire',
  serialNumber: 'n° de série',
  plate: 'immatriculation',
  licenceRequired: 'permis requis',
  odometerKm: 'compteur',
  nextInspectionDate: 'prochaine vérification',
  qualifications: 'qualifications',
  weeklyHours: 'heures par semaine',
  id: 'identifiant',
  search: 'recherche',
  status: 'statut',
  ignoreBookingId: 'réservation à ignorer',
  includeArchived: 'archivées',
  format: 'format',
  fileName: 'nom du fichier',
  contentBase64: 'contenu du fichier',
  mapping: 'correspondance des colonnes',
  dryRun: 'essai',
  condition: 'état',
  purchaseDate: 'date d’achat',
  purchaseValueCents: 'valeur d’achat',
  dailyRateCents: 'tarif journalier',
  outOfServiceQuantity: 'quantité hors service',
  hourMeterHours: 'compteur horaire',
  homeCommuneId: 'commune de rattachement',
  expiresOn: 'fin de validité',
  limit: 'nombre de propositions',
  searchDays: 'jours de recherche',
  clientRequestId: 'identifiant de demande',
  providedOperator: 'opérateur fourni par la commune',
  qualification: 'qualification',
  delivery: 'livraison',
  vehicleId: 'véhicule',
  agentIds: 'agents',
  minutes: 'durée',
  address: 'adresse',
  at: 'date et heure',
  returnedQuantity: 'quantité rendue',
  damagedQuantity: 'quantité abîmée',
  requiresApproval: 'soumis à validation',
  requiredQualification: 'qualification requise',
  rule: 'règle de répétition',
  exceptionDates: 'dates d’exception',
  onConflict: 'en cas de conflit',
  date: 'jour',
  login: 'identifiant',
  password: 'mot de passe',
  displayName: 'nom affiché',
  role: 'rôle',
  // Cost sharing and governance (issue 7).
  areaM2: 'surface',
  unit: 'unité',
  amountCents: 'montant',
  depositCents: 'caution',
  free: 'gratuit',
  validFrom: 'date d’effet',
  agentHourlyRateCents: 'tarif horaire des agents',
  vehicleHourlyRateCents: 'tarif horaire des véhicules',
  allDayHours: 'heures par journée',
  nightStart: 'début de la nuit',
  nightEnd: 'fin de la nuit',
  nightPercent: 'majoration de nuit',
  holidayDayPercent: 'majoration dimanche et jour férié',
  holidayNightPercent: 'majoration de nuit dimanche et jour férié',
  minNoticeDays: 'délai de prévenance',
  maxLoanDays: 'durée maximale',
  maxDays: 'quota',
  groupBy: 'regroupement',
  bookingId: 'réservation',
  unitValueCents: 'valeur de remplacement',
}

function describeField(path: string): string {
  const named = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .at(-1)
  const line = /\.(\d+)\./.exec(path)?.[1]
  const label = named ? (fieldLabels[named] ?? named) : ''
  return line === undefined ? label : `${label}, ligne ${Number(line) + 1}`
}

function invalidInput(issues: FieldIssue[]): ApiResult<never> {
  const first = issues[0]
  const where = first?.path ? ` (${describeField(first.path)})` : ''
  return {
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: `Saisie invalide${where} : ${first?.message ?? 'données incomplètes.'}`,
      details: { issues },
    },
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error as { code: unknown }).code === 'SQLITE_BUSY'
}

/**
 * Builds `dispatch(method, input, caller)`. It never throws: an unknown method, a bad input, a
 * refused rule or a failure all come back as `{ ok: false, error }`, in French.
 *
 * Every call is checked against the rights table (shared/api/rights.ts) by `access`: the caller's
 * session gives its principal, the role must be allowed before the input is even read, a secretary
 * must stay within her commune, and what she receives is masked for other communes.
 * @param contextFor makes the service context of one call (database, clock, `actor` the journal records)
 */
export function createDispatcher(
  handlers: HandlerMap,
  contextFor: (caller: Caller, actor: string, communeScope: string | null) => ServiceContext,
  access: Access,
): (method: string, input: unknown, caller: Caller) => Promise<ApiResult<unknown>> {
  return async (method, input, caller) => {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: `Méthode inconnue : « ${String(method).slice(0, 80)} ».` },
      }
    }
    let principal: Principal = { kind: 'anonymous' }
    try {
      principal = access.identify(caller)
      access.admit(method, principal)
      const parsed = contract[method].input.safeParse(input === undefined ? {} : input)
      if (!parsed.success) return invalidInput(issuesOf(parsed.error))
      access.authorize(method, parsed.data, principal)
      const handler = handlers[method] as Handler<MethodName>
      const call = { caller, principal, guard: access.guard }
      const value: unknown = await handler(
        parsed.data,
        contextFor(caller, actorOf(principal), scopedCommuneOf(principal)),
        call,
      )
      return { ok: true, value: access.present(value, principal) }
    } catch (error) {
      if (error instanceof DomainError) {
        const refused = { code: error.code, message: error.message, details: error.details }
        return { ok: false, error: access.presentError(refused, principal) }
      }
      if (isBusy(error)) {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message:
              'La base de données est occupée par un autre poste ou une autre fenêtre : rien n’a été enregistré, réessayez.',
          },
        }
      }
      console.error(`[api] ${method} a échoué :`, error)
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message:
            'Erreur interne : l’opération n’a pas été enregistrée. Réessayez ; si cela se reproduit, signalez-le.',
        },
      }
    }
  }
}
