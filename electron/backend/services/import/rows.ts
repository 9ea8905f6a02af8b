/**
 * One data row of a spreadsheet → the resource it creates or updates, or the reasons it cannot.
 * Pure: lookups and the consistency rule come in through `RowContext`, so nothing here writes.
 */
import type {
  ImportError,
  ImportField,
  ImportPreviewRow,
  ResourceKind,
} from '../../../../shared/domain/types'
import { DomainError } from '../../../../shared/errors'
import { newResourceRecord, type ResourceRecord } from '../../db/repositories/resources'
import type { CategoryPlanner } from './categories'
import { fieldHeaders } from './columns'
import type { Cell } from './parse'
import {
  readCategoryPath,
  readCents,
  readDate,
  readKind,
  readPlate,
  readQuantity,
  readText,
  type Read,
} from './values'

/** The cells of one row, by the field their column fills, with that column's header. */
export type RowCells = ReadonlyMap<ImportField, { readonly header: string; readonly cell: Cell }>

/** What reading a row needs from the rest of the import. */
export interface RowContext {
  /** The resource with this inventory number, compared without case (archived included). */
  readonly byInventoryNumber: (inventoryNumber: string) => ResourceRecord | undefined
  /** The resource with this plate `AB-123-CD` (archived included). */
  readonly byPlate: (plate: string) => ResourceRecord | undefined
  /** Non-archived resources with neither inventory number nor plate, named so (compared with `foldText`). */
  readonly byNameWithoutNumber: (name: string) => readonly ResourceRecord[]
  readonly categories: CategoryPlanner
  /** The hub new resources belong to. */
  readonly hubId: string
  /** ISO UTC instant of the import. */
  readonly at: string
  readonly newId: () => string
  /**
   * The application's rules on a resource's attributes (`checkResourceConsistency`).
   * @throws DomainError naming the field in `details.issues[0].path`
   */
  readonly checkConsistency: (record: ResourceRecord) => void
}

/** A row that can be stored. */
export interface PlannedRow {
  readonly line: number
  readonly action: 'create' | 'update'
  /** The stored resource an update changes; null for a creation. */
  readonly before: ResourceRecord | null
  readonly after: ResourceRecord
  /** False for an update that changes nothing: it is neither stored, counted nor journaled. */
  readonly changed: boolean
  readonly preview: ImportPreviewRow
}

/** The outcome of one row, with the keys that identify it (for duplicate checks across rows). */
export interface RowOutcome {
  readonly line: number
  readonly errors: readonly ImportError[]
  readonly plan: PlannedRow | null
  readonly inventoryNumber: string | null
  readonly plate: string | null
  /** The name, for rows with neither inventory number nor plate (their only key). */
  readonly keylessName: string | null
}

const kindPhrases: Readonly<Record<ResourceKind, string>> = {
  equipment: 'un matériel',
  vehicle: 'un véhicule',
  staff: 'un agent',
}

/** Text limits of the API's schemas (shared/api/schemas.ts). */
const MAX_NAME = 200
const MAX_INVENTORY_NUMBER = 60
const MAX_SERIAL_NUMBER = 100

/** The fields an import can change: the ones compared to tell a real update from a no-op. */
const importedKeys = [
  'name',
  'categoryId',
  'quantity',
  'inventoryNumber',
  'serialNumber',
  'plate',
  'purchaseDate',
  'purchaseValueCents',
  'dailyRateCents',
] as const satisfies readonly (keyof ResourceRecord)[]

/** Fields of a record, as `checkConsistency` names them, → the import field of their column. */
const fieldOfPath: Readonly<Record<string, ImportField>> = {
  name: 'name',
  kind: 'kind',
  categoryId: 'category',
  quantity: 'quantity',
  tracking: 'quantity',
  inventoryNumber: 'inventoryNumber',
  serialNumber: 'serialNumber',
  plate: 'plate',
  purchaseDate: 'purchaseDate',
  purchaseValueCents: 'purchaseValue',
  dailyRateCents: 'dailyRate',
}

function issuePath(error: DomainError): string | undefined {
  const details = error.details
  if (typeof details !== 'object' || details === null || !('issues' in details)) return undefined
  const issues: unknown = details.issues
  if (!Array.isArray(issues)) return undefined
  const first: unknown = issues[0]
  return typeof first === 'object' && first !== null && 'path' in first && typeof first.path === 'string'
    ? first.path
    : undefined
}

/**
 * Reads, checks and plans one data row. Every problem of the row is reported, each with its
 * column's header when one column is at fault, so that a person can fix them all at once.
 *
 * Rules: a row updates the resource with its inventory number (without case) or its plate, or, when
 * it has neither, the only non-archived resource with the same name and no number; otherwise it
 * creates one. An empty cell keeps the stored value of an update (a name is then not required);
 * the type and the tracking of a stored resource never change. A new row: Type empty is equipment
 * (a vehicle when it has a plate), Quantité above 1 makes a stock, 1 or empty a unit item.
 */
export function planRow(line: number, cells: RowCells, ctx: RowContext): RowOutcome {
  const errors: ImportError[] = []
  const columnOf = (field: ImportField): string | undefined => cells.get(field)?.header
  const fail = (field: ImportField | null, message: string) => {
    const column = field === null ? undefined : columnOf(field)
    errors.push(column === undefined ? { line, message } : { line, column, message })
  }
  const read = <T>(field: ImportField, reader: (cell: Cell) => Read<T | null>): T | null => {
    const entry = cells.get(field)
    if (!entry) return null
    const result = reader(entry.cell)
    if (result.ok) return result.value
    fail(field, result.message)
    return null
  }

  const name = read('name', (cell) => readText(cell, MAX_NAME))
  const givenKind = read('kind', readKind)
  const categoryPath = read('category', readCategoryPath)
  const quantity = read('quantity', readQuantity)
  const inventoryNumber = read('inventoryNumber', (cell) => readText(cell, MAX_INVENTORY_NUMBER))
  const serialNumber = read('serialNumber', (cell) => readText(cell, MAX_SERIAL_NUMBER))
  const plate = read('plate', readPlate)
  const purchaseDate = read('purchaseDate', readDate)
  const purchaseValueCents = read('purchaseValue', readCents)
  const dailyRateCents = read('dailyRate', readCents)
  const keylessName = inventoryNumber === null && plate === null ? name : null
  const outcome = (plan: PlannedRow | null): RowOutcome => ({
    line,
    errors,
    plan: errors.length === 0 ? plan : null,
    inventoryNumber,
    plate,
    keylessName,
  })

  // Which stored resource the row designates, if any.
  const byNumber = inventoryNumber === null ? undefined : ctx.byInventoryNumber(inventoryNumber)
  const byPlate = plate === null ? undefined : ctx.byPlate(plate)
  if (byNumber && byPlate && byNumber.id !== byPlate.id) {
    fail(
      'inventoryNumber',
      `Le n° d’inventaire « ${inventoryNumber} » est celui de « ${byNumber.name} », mais l’immatriculation « ${plate} » est celle de « ${byPlate.name} » : corrigez l’un des deux.`,
    )
    return outcome(null)
  }
  let target = byNumber ?? byPlate
  if (!target && keylessName !== null) {
    const namesakes = ctx
      .byNameWithoutNumber(keylessName)
      .filter((resource) => givenKind === null || resource.kind === givenKind)
    if (namesakes.length > 1) {
      fail(
        'name',
        `${namesakes.length} ressources s’appellent « ${keylessName} » sans n° d’inventaire : ajoutez la colonne « ${fieldHeaders.inventoryNumber} » ou donnez-leur des noms distincts pour dire laquelle mettre à jour.`,
      )
      return outcome(null)
    }
    target = namesakes[0]
  }
  if (target?.archivedAt) {
    const key = byNumber ? ('inventoryNumber' as const) : ('plate' as const)
    fail(
      key,
      `La ressource « ${target.name} », qui porte ${key === 'plate' ? 'cette immatriculation' : 'ce n° d’inventaire'}, est archivée : ce numéro ne peut pas être réutilisé ; changez-le ou retirez la ligne.`,
    )
    return outcome(null)
  }

  const kind: ResourceKind = target?.kind ?? givenKind ?? (plate !== null ? 'vehicle' : 'equipment')
  if (target && givenKind !== null && givenKind !== target.kind) {
    fail(
      'kind',
      `« ${target.name} » est ${kindPhrases[target.kind]} : son type ne change pas par import (laissez la case vide ou corrigez-la).`,
    )
  }
  if (!target && name === null) {
    fail('name', 'Désignation manquante : indiquez le nom de la ressource.')
  }
  if (plate !== null && kind !== 'vehicle') {
    fail(
      'plate',
      `Seul un véhicule a une immatriculation, or cette ligne est ${kindPhrases[kind]} : écrivez « Véhicule » dans la colonne « ${fieldHeaders.kind} » ou videz la case.`,
    )
  }

  // Quantity and tracking: a new row with more than 1 is a stock; a stored resource keeps its tracking.
  let tracking = target?.tracking ?? (quantity !== null && quantity > 1 ? 'stock' : 'unit')
  if (target && target.tracking === 'unit' && quantity !== null && quantity !== 1) {
    fail(
      'quantity',
      `La ressource « ${target.name} » est suivie à l’unité : sa quantité reste 1 (laissez la case vide ou écrivez 1).`,
    )
    tracking = 'unit'
  }
  if (!target && tracking === 'stock' && kind !== 'equipment') {
    fail(
      'quantity',
      `Seul le matériel se compte en nombre : pour ${kindPhrases[kind]}, laissez la quantité vide ou à 1.`,
    )
  }
  const finalQuantity = tracking === 'stock' ? (quantity ?? target?.quantity ?? 1) : 1
  if (target && finalQuantity < target.outOfServiceQuantity) {
    fail(
      'quantity',
      `La ressource « ${target.name} » compte ${target.outOfServiceQuantity} unités hors service : la quantité ne peut pas être inférieure.`,
    )
  }

  let categoryId = target?.categoryId ?? null
  if (categoryPath !== null && errors.length === 0) {
    const choice = ctx.categories.resolve(categoryPath, kind)
    if (choice.ok) categoryId = choice.value.id
    else fail('category', choice.message)
  }
  if (errors.length > 0) return outcome(null)

  // An inventory number that differs only in case from the stored one is the same: keep the stored spelling.
  const keepNumber =
    target?.inventoryNumber && inventoryNumber?.toLowerCase() === target.inventoryNumber.toLowerCase()
  const values = {
    name: name ?? target?.name ?? '',
    categoryId,
    quantity: finalQuantity,
    inventoryNumber: keepNumber
      ? (target?.inventoryNumber ?? null)
      : (inventoryNumber ?? target?.inventoryNumber ?? null),
    serialNumber: serialNumber ?? target?.serialNumber ?? null,
    plate: plate ?? target?.plate ?? null,
    purchaseDate: purchaseDate ?? target?.purchaseDate ?? null,
    purchaseValueCents: purchaseValueCents ?? target?.purchaseValueCents ?? null,
    dailyRateCents: dailyRateCents ?? target?.dailyRateCents ?? null,
  }
  const after: ResourceRecord = target
    ? { ...target, ...values, updatedAt: ctx.at }
    : newResourceRecord(
        { id: ctx.newId(), hubId: ctx.hubId, kind, name: values.name, at: ctx.at },
        // As resources.create: a new unit item is in good condition (the default).
        { ...values, tracking },
      )
  const changed = !target || importedKeys.some((key) => target[key] !== after[key])
  if (changed) {
    try {
      ctx.checkConsistency(after)
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      const path = issuePath(error)
      fail(path ? (fieldOfPath[path] ?? null) : null, error.message)
      return outcome(null)
    }
  }
  return outcome({
    line,
    action: target ? 'update' : 'create',
    before: target ?? null,
    after,
    changed,
    preview: {
      line,
      action: target ? 'update' : 'create',
      name: after.name,
      kind: after.kind,
      category: ctx.categories.labelOf(after.categoryId),
      quantity: after.quantity,
      inventoryNumber: after.inventoryNumber,
      serialNumber: after.serialNumber,
      plate: after.plate,
      purchaseDate: after.purchaseDate,
      purchaseValueCents: after.purchaseValueCents,
      dailyRateCents: after.dailyRateCents,
    },
  })
}
