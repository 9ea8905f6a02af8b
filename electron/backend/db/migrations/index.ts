import type { Migration } from '../migrate'
import { initial } from './001-initial'
import { inventoryDetails } from './002-inventory-details'

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [initial, inventoryDetails]
