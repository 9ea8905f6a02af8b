import { describe, expect, it } from 'vitest'
import type { AuditEntry, Category, Commune, ImportReport } from '../../shared/domain/types'
import {
  canImport,
  displayedMapping,
  duplicateFields,
  errorLinesSummary,
  fileProblem,
  importButtonLabel,
  importSummary,
  mappingOptions,
  mappingValue,
  previewSummary,
  withMapping,
} from '../../renderer/src/features/import/model'
import {
  LABELS_PER_SHEET,
  labelSelection,
  paginateLabels,
  parseIdsParam,
  sheetSummary,
  svgDataUrl,
} from '../../renderer/src/features/labels/model'
import {
  bookingQuantity,
  emptyUnavailabilityDraft,
  journalActionLabel,
  journalChanges,
  journalLines,
  unavailabilityDraftErrors,
  unavailabilityInput,
  unavailabilityIssueFields,
  unavailabilityKindsFor,
} from '../../renderer/src/features/resource/model'
import type { Resource } from '../../shared/domain/types'

describe('import mapping', () => {
  it('offers the fields in French, then (ignorer)', () => {
    expect(mappingOptions().map((o) => o.label)).toEqual([
      'Désignation',
      'Type',
      'Catégorie',
      'Quantité',
      "N° d'inventaire",
      'N° de série',
      'Immatriculation',
      "Date d'achat",
      "Valeur d'achat",
      'Tarif journalier',
      '(ignorer)',
    ])
    expect(mappingOptions().at(-1)?.value).toBe('')
  })

  it('changes one column and spots fields filled twice', () => {
    const mapping = { Désignation: 'name', Nb: null, Réf: 'inventoryNumber' } as const
    expect(mappingValue(mapping, 'Nb')).toBe('')
    expect(mappingValue(mapping, 'Inconnue')).toBe('')
    const next = withMapping(mapping, 'Nb', 'quantity')
    expect(next).toEqual({ Désignation: 'name', Nb: 'quantity', Réf: 'inventoryNumber' })
    expect(withMapping(next, 'Réf', '')).toEqual({ Désignation: 'name', Nb: 'quantity', Réf: null })
    expect(duplicateFields(withMapping(next, 'Réf', 'name'))).toEqual(['Désignation'])
    expect(duplicateFields(next)).toEqual([])
  })
})

describe('import report', () => {
  const row = (line: number, action: 'create' | 'update') => ({
    line,
    action,
    name: 'x',
    kind: 'equipment' as const,
    category: null,
    quantity: 1,
    inventoryNumber: null,
    serialNumber: null,
    plate: null,
    purchaseDate: null,
    purchaseValueCents: null,
    dailyRateCents: null,
  })
  const report: ImportReport = {
    stored: false,
    created: 0,
    updated: 0,
    errors: [],
    headers: ['Désignation'],
    mapping: { Désignation: 'name' },
    rows: [row(2, 'create'), row(3, 'update'), row(4, 'create')],
  }

  it('summarises in French with plurals', () => {
    expect(importSummary(2, 1)).toBe('2 créées, 1 mise à jour')
    expect(importSummary(1, 3)).toBe('1 créée, 3 mises à jour')
    expect(importSummary(0, 0)).toBe('aucune ligne')
    expect(previewSummary({ ...report, errors: [] })).toBe('3 lignes lues : 2 à créer, 1 à mettre à jour')
    expect(
      previewSummary({
        rows: [],
        errors: [
          { line: 2, column: 'Quantité', message: 'a' },
          { line: 2, column: 'Date d’achat', message: 'b' },
        ],
      }),
    ).toBe('1 ligne lue : 0 à créer, 0 à mettre à jour, 1 à corriger')
    expect(importButtonLabel(3)).toBe('Importer 3 lignes')
    expect(importButtonLabel(1)).toBe('Importer 1 ligne')
    expect(
      errorLinesSummary([
        { line: 3, column: 'Quantité', message: 'a' },
        { line: 3, column: 'Date d’achat', message: 'b' },
        { line: 5, message: 'c' },
      ]),
    ).toBe('2 lignes à corriger')
  })

  it('allows the import only with rows and no error', () => {
    expect(canImport(report)).toBe(true)
    expect(canImport({ ...report, errors: [{ line: 3, message: 'x' }] })).toBe(false)
    expect(canImport({ ...report, rows: [] })).toBe(false)
    expect(canImport(null)).toBe(false)
  })

  it('refuses files it cannot read before sending them', () => {
    expect(fileProblem('inventaire.CSV', 10)).toBeNull()
    expect(fileProblem('inventaire.xlsx', 10)).toBeNull()
    expect(fileProblem('inventaire.xls', 10)).toMatch(/n’est pas un fichier CSV ou Excel/)
    expect(fileProblem('vide.csv', 0)).toBe('« vide.csv » est vide.')
    expect(fileProblem('gros.csv', 11 * 1024 * 1024)).toMatch(/10 Mo/)
  })
})

describe('labels', () => {
  it('lays out 3 × 8 labels per A4 sheet', () => {
    expect(LABELS_PER_SHEET).toBe(24)
    const items = Array.from({ length: 50 }, (_, i) => i)
    const sheets = paginateLabels(items)
    expect(sheets.map((s) => s.length)).toEqual([24, 24, 2])
    expect(sheets[2]).toEqual([48, 49])
    expect(paginateLabels([])).toEqual([])
  })

  it('starts after the labels already used on the first sheet', () => {
    expect(paginateLabels(['a', 'b'], 24, 2)).toEqual([[null, null, 'a', 'b']])
    const sheets = paginateLabels(
      Array.from({ length: 24 }, (_, i) => i),
      24,
      20,
    )
    expect(sheets.map((s) => s.length)).toEqual([24, 20])
    expect(sheets[0]?.slice(19)).toEqual([null, 0, 1, 2, 3])
    // A skip beyond the sheet is capped to its last label.
    expect(paginateLabels(['a'], 24, 99)[0]?.length).toBe(24)
  })

  it('reads the ids and leaves out items without an inventory number', () => {
    expect(parseIdsParam('a, b,,a,c')).toEqual(['a', 'b', 'c'])
    expect(parseIdsParam(undefined)).toEqual([])
    const base = { name: 'x' } as Resource
    const withNumber = { ...base, id: 'a', inventoryNumber: 'PTO-1' }
    const without = { ...base, id: 'b', inventoryNumber: null }
    const blank = { ...base, id: 'c', inventoryNumber: '  ' }
    expect(labelSelection([withNumber, without, blank], ['c', 'a', 'zz', 'b'])).toEqual({
      printable: [withNumber],
      withoutNumber: [blank, without],
      unknownCount: 1,
    })
    expect(sheetSummary(1, 1)).toBe('1 étiquette sur 1 planche A4')
    expect(sheetSummary(30, 2)).toBe('30 étiquettes sur 2 planches A4')
  })

  it('embeds an SVG as a data URL', () => {
    expect(svgDataUrl('<svg a="1">#</svg>')).toBe(
      'data:image/svg+xml;utf8,%3Csvg%20a%3D%221%22%3E%23%3C%2Fsvg%3E',
    )
  })
})

describe('unavailability form', () => {
  it('offers leave to agents only', () => {
    expect(unavailabilityKindsFor('staff')).toEqual(['maintenance', 'repair', 'inspection', 'leave'])
    expect(unavailabilityKindsFor('vehicle')).toEqual(['maintenance', 'repair', 'inspection'])
    expect(emptyUnavailabilityDraft('staff').kind).toBe('leave')
  })

  it('needs a reason, a period and, for a stock, a quantity up to the stock', () => {
    const draft = emptyUnavailabilityDraft('equipment')
    expect(Object.keys(unavailabilityDraftErrors(draft, null)).sort()).toEqual([
      'firstDay',
      'lastDay',
      'reason',
    ])
    const complete = {
      ...draft,
      reason: ' Pieds cassés ',
      period: { ...draft.period, firstDay: '14/05/2027', lastDay: '16/05/2027' },
      quantity: '10',
    }
    expect(unavailabilityDraftErrors(complete, 120)).toEqual({})
    expect(unavailabilityDraftErrors({ ...complete, quantity: '121' }, 120)).toEqual({
      quantity: 'Au plus 120, le stock total.',
    })
    expect(unavailabilityDraftErrors({ ...complete, quantity: '0' }, 120)).toHaveProperty('quantity')
    expect(unavailabilityInput('r', complete, true)).toEqual({
      resourceId: 'r',
      kind: 'maintenance',
      reason: 'Pieds cassés',
      start: '2027-05-14',
      end: '2027-05-16',
      quantity: 10,
    })
    expect(unavailabilityInput('r', complete, false)).not.toHaveProperty('quantity')
    expect(unavailabilityInput('r', draft, false)).toBeNull()
  })

  it('puts API issues on the fields of the period mode', () => {
    const draft = emptyUnavailabilityDraft('vehicle')
    expect(unavailabilityIssueFields({ start: 'a', end: 'b', reason: 'c', resourceId: 'd' }, draft)).toEqual({
      firstDay: 'a',
      lastDay: 'b',
      reason: 'c',
      form: 'd',
    })
  })

  it('counts what a booking holds of the resource', () => {
    expect(
      bookingQuantity(
        {
          items: [
            { resourceId: 'a', quantity: 40 },
            { resourceId: 'b', quantity: 1 },
          ],
        },
        'a',
      ),
    ).toBe(40)
    expect(bookingQuantity({ items: [] }, 'a')).toBe(0)
  })
})

describe('journal', () => {
  const categories: Category[] = [
    { id: 'm', name: 'Manifestations', parentId: null, kind: 'equipment' },
    { id: 'b', name: 'Barrières', parentId: 'm', kind: 'equipment' },
  ]
  const communes = [{ id: 'c1', name: 'Tiffauges' }] as Commune[]
  const ctx = {
    categoriesById: new Map(categories.map((c) => [c.id, c])),
    communesById: new Map(communes.map((c) => [c.id, c])),
    resourceKind: 'equipment' as const,
  }

  it('names actions in French', () => {
    expect(journalActionLabel('update', 'resource')).toBe('Modification')
    expect(journalActionLabel('create', 'resource')).toBe('Création')
    expect(journalActionLabel('archive', 'resource')).toBe('Archivage')
    expect(journalActionLabel('create', 'unavailability')).toBe('Indisponibilité ajoutée')
    expect(journalActionLabel('unavailability.delete', 'resource')).toBe('Indisponibilité supprimée')
    expect(journalActionLabel('import', 'resource')).toBe('Import')
    expect(journalActionLabel('unavailability', 'resource')).toBe('Indisponibilité ajoutée')
    expect(journalActionLabel('unavailability-delete', 'resource')).toBe('Indisponibilité supprimée')
    expect(journalActionLabel('checkout', 'booking')).toBe('Matériel remis (sortie)')
    // An action the interface does not know yet is shown as written, capitalised.
    expect(journalActionLabel('transfer', 'booking')).toBe('Transfer')
  })

  it('lists changed fields before → after, readable', () => {
    const entry = {
      before: {
        id: 'r',
        name: 'Barrières',
        categoryId: 'm',
        purchaseValueCents: null,
        condition: 'good',
        nextInspectionDate: '2027-03-15',
        updatedAt: '2027-01-01T10:00:00.000Z',
        quantity: 80,
      },
      after: {
        id: 'r',
        name: 'Barrières de ville',
        categoryId: 'b',
        purchaseValueCents: 123450,
        condition: 'to_repair',
        nextInspectionDate: '2028-03-15',
        updatedAt: '2027-02-01T10:00:00.000Z',
        quantity: 80,
      },
    }
    expect(journalChanges(entry, ctx)).toEqual([
      { field: 'name', label: 'Nom', before: 'Barrières', after: 'Barrières de ville' },
      {
        field: 'categoryId',
        label: 'Catégorie',
        before: 'Manifestations',
        after: 'Manifestations › Barrières',
      },
      { field: 'purchaseValueCents', label: 'Valeur d’achat', before: '—', after: '1\u00a0234,50\u00a0€' },
      { field: 'condition', label: 'État', before: 'Bon', after: 'À réparer' },
      {
        field: 'nextInspectionDate',
        label: 'Prochaine vérification',
        before: '15/03/2027',
        after: '15/03/2028',
      },
    ])
  })

  it('reads snake_case rows, qualifications and instants in Europe/Paris', () => {
    const entries: AuditEntry[] = [
      {
        id: '1',
        at: '2027-05-14T06:30:00.000Z',
        actor: 'Responsable du pôle',
        entity: 'resource',
        entityId: 'r',
        action: 'update',
        before: { home_commune_id: null, qualifications: [{ name: 'Permis C', expiresOn: '2027-01-31' }] },
        after: {
          home_commune_id: 'c1',
          qualifications: [
            { name: 'Permis C', expiresOn: '2032-01-31' },
            { name: 'Habilitation B0', expiresOn: null },
          ],
        },
      },
      {
        id: '2',
        at: '2027-01-10T14:00:00.000Z',
        actor: '',
        entity: 'unavailability',
        entityId: 'u',
        action: 'create',
        before: null,
        after: {
          kind: 'repair',
          reason: 'Pneu crevé',
          start: Date.parse('2027-01-11T07:00:00.000Z'),
          quantity: 1,
        },
      },
    ]
    expect(journalLines(entries, { ...ctx, resourceKind: 'staff' })).toEqual([
      {
        id: '1',
        when: '14/05/2027 08:30',
        actor: 'Responsable du pôle',
        action: 'Modification',
        changes: [
          { field: 'homeCommuneId', label: 'Commune de rattachement', before: '—', after: 'Tiffauges' },
          {
            field: 'qualifications',
            label: 'Qualifications',
            before: 'Permis C (jusqu’au 31/01/2027)',
            after: 'Permis C (jusqu’au 31/01/2032) ; Habilitation B0',
          },
        ],
      },
      {
        id: '2',
        when: '10/01/2027 15:00',
        actor: 'Inconnu',
        action: 'Indisponibilité ajoutée',
        changes: [
          { field: 'kind', label: 'Motif', before: '—', after: 'Réparation' },
          { field: 'reason', label: 'Raison', before: '—', after: 'Pneu crevé' },
          { field: 'start', label: 'Début', before: '—', after: '11/01/2027 08:00' },
          { field: 'quantity', label: 'Quantité', before: '—', after: '1' },
        ],
      },
    ])
  })
})

describe('displayed mapping', () => {
  it('shows the user’s choices over the report, for the report’s columns only', () => {
    const report = { headers: ['Nom', 'Code'], mapping: { Nom: 'name', Code: null } } as const
    expect(displayedMapping(report, {})).toEqual({ Nom: 'name', Code: null })
    expect(displayedMapping(report, { Code: 'inventoryNumber', Autre: 'plate' })).toEqual({
      Nom: 'name',
      Code: 'inventoryNumber',
    })
    expect(displayedMapping(report, { Nom: null })).toEqual({ Nom: null, Code: null })
  })
})

describe('journal of a day-long unavailability', () => {
  it('shows its dates, not the instants that repeat them', () => {
    const ctx = { categoriesById: new Map(), communesById: new Map(), resourceKind: 'equipment' as const }
    const after = {
      id: 'u',
      kind: 'maintenance',
      reason: 'Pieds tordus',
      quantity: 30,
      start: 1796079600000,
      end: 1798758000000,
      allDay: true,
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      createdAt: '2026-11-30T00:38:21.942Z',
    }
    expect(
      journalChanges({ before: after, after: null }, ctx).map((c) => `${c.label}: ${c.before} → ${c.after}`),
    ).toEqual([
      'Motif: Entretien → —',
      'Raison: Pieds tordus → —',
      'Quantité: 30 → —',
      'Premier jour: 01/12/2026 → —',
      'Dernier jour: 31/12/2026 → —',
    ])
  })
})

describe('journal of a creation', () => {
  it('lists only the fields that hold something, the resource kind as « Type »', () => {
    const ctx = { categoriesById: new Map(), communesById: new Map(), resourceKind: 'equipment' as const }
    const after = {
      name: 'Tronçonneuse',
      kind: 'equipment',
      quantity: 1,
      outOfServiceQuantity: 0,
      bufferBeforeMinutes: 0,
      qualifications: [],
      archived: false,
      notes: '',
      purchaseValueCents: 65000,
    }
    expect(journalChanges({ before: null, after }, ctx).map((c) => `${c.label}: ${c.after}`)).toEqual([
      'Nom: Tronçonneuse',
      'Type: Matériel',
      'Quantité: 1',
      'Valeur d’achat: 650,00\u00a0€',
    ])
  })
})
