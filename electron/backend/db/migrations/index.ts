import type { Migration } from '../migrate'
import { initial } from './001-initial'
import { inventoryDetails } from './002-inventory-details'
import { bookingLifecycle } from './003-booking-lifecycle'
import { accountsJournal } from './004-accounts-journal'
import { costSharing } from './005-cost-sharing'
import { damageDecisions } from './006-damage-decisions'

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [
  initial,
  inventoryDetails,
  bookingLifecycle,
  accountsJournal,
  costSharing,
  damageDecisions,
]
