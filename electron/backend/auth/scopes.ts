/**
 * Keeps a secretary to her own commune (the `scope` of a rule in shared/api/rights.ts), against the
 * stored data: a booking's commune is read from the database, never taken from the input.
 */
import type { CommuneScope } from '../../../shared/api/rights'
import { assertNever, DomainError } from '../../../shared/errors'
import type { Db } from '../db/connection'
import { bookingCommuneId, seriesCommuneIds } from '../db/repositories/ownership'

const OTHER_COMMUNE =
  'Action refusée : une secrétaire de mairie ne gère que les réservations de sa commune. ' +
  'Pour une autre commune, adressez-vous à sa mairie ou au pôle technique.'

function refuse(message = OTHER_COMMUNE): never {
  throw new DomainError('FORBIDDEN', message)
}

function field(input: unknown, name: 'id' | 'communeId'): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined
  const value = (input as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : undefined
}

/**
 * Checks that a call of a secretary of `communeId` stays within her commune.
 * @param input the input as parsed by the method's schema
 * @throws DomainError FORBIDDEN (French message) when it reaches another commune; NOT_FOUND for a
 *   booking or series that does not exist, as the method itself would answer
 */
export function checkCommuneScope(db: Db, scope: CommuneScope, input: unknown, communeId: string): void {
  const inputCommune = field(input, 'communeId')
  switch (scope) {
    case 'inputCommune':
      if (inputCommune !== communeId) refuse()
      return
    case 'communeFilter':
      if (inputCommune !== communeId) {
        refuse(
          'Export refusé : une secrétaire de mairie n’exporte que les réservations de sa commune. ' +
            'Choisissez votre commune puis recommencez.',
        )
      }
      return
    case 'bookingCommune': {
      const owner = bookingCommuneId(db, field(input, 'id') ?? '')
      if (owner === null) throw new DomainError('NOT_FOUND', 'Cette réservation n’existe pas.')
      if (owner !== communeId || (inputCommune !== undefined && inputCommune !== communeId)) refuse()
      return
    }
    case 'seriesCommune': {
      const owners = seriesCommuneIds(db, field(input, 'id') ?? '')
      if (owners.length === 0) throw new DomainError('NOT_FOUND', 'Cette série n’existe pas.')
      if (owners.some((owner) => owner !== communeId)) refuse()
      return
    }
    default:
      assertNever(scope)
  }
}
