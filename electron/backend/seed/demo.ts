/**
 * The demo inventory of the pôle technique Ouest, modelled on what communes and intercommunalités
 * really lend (`pret_materiel_exemples.csv` and Ville de Montpellier's 2014 rate sheet, délibération
 * n° 2013/616: chairs, tables, barriers, exhibition grids, podium, tents, generator, sound system,
 * shredder, thermal weeder, trailer), plus the hub's own works equipment, vehicles and agents.
 * Quantities follow the sources where they give one (18 tents at the CC du Pays de Phalsbourg, 200 m
 * of barriers); daily rates are Montpellier's full rates (chaise 0,31 €, table 4,18 €, barrière 7,80 €,
 * grille 5,80 €, podium and tente 7,80 € per m², coffret électrique 168 €); agents carry no real
 * person's name; plates, serial and inventory numbers, purchase dates and values are made up.
 */
import type { Condition, Qualification, ResourceKind } from '../../../shared/domain/types'

export interface DemoCategory {
  readonly key: string
  readonly name: string
  readonly parent: string | null
  readonly kind: ResourceKind
}

export const demoCategories: readonly DemoCategory[] = [
  { key: 'manif', name: 'Manifestations', parent: null, kind: 'equipment' },
  { key: 'mobilier', name: 'Chaises et tables', parent: 'manif', kind: 'equipment' },
  { key: 'barrieres', name: 'Barrières et grilles', parent: 'manif', kind: 'equipment' },
  { key: 'structures', name: 'Podiums, barnums et tentes', parent: 'manif', kind: 'equipment' },
  { key: 'son', name: 'Sonorisation et électricité', parent: 'manif', kind: 'equipment' },
  { key: 'verts', name: 'Espaces verts', parent: null, kind: 'equipment' },
  { key: 'travaux', name: 'Travaux et levage', parent: null, kind: 'equipment' },
  { key: 'vehicules', name: 'Véhicules', parent: null, kind: 'vehicle' },
  { key: 'utilitaires', name: 'Utilitaires', parent: 'vehicules', kind: 'vehicle' },
  { key: 'pl', name: 'Poids lourds', parent: 'vehicules', kind: 'vehicle' },
  { key: 'agents', name: 'Agents', parent: null, kind: 'staff' },
  { key: 'voirie', name: 'Voirie et bâtiments', parent: 'agents', kind: 'staff' },
  { key: 'ev', name: 'Espaces verts', parent: 'agents', kind: 'staff' },
]

export interface DemoResource {
  readonly key: string
  readonly kind: ResourceKind
  readonly name: string
  readonly category: string
  readonly stock?: number
  readonly inventoryNumber?: string
  readonly serialNumber?: string
  readonly plate?: string
  readonly licenceRequired?: string
  readonly odometerKm?: number
  readonly nextInspectionDate?: string
  readonly qualifications?: readonly Qualification[]
  /** INSEE code of the agent's home commune. */
  readonly homeCommune?: string
  readonly outOfService?: number
  readonly condition?: Condition
  readonly purchaseDate?: string
  readonly purchaseValueCents?: number
  /** Per unit and day, from the Ville de Montpellier's 2014 rates where it lists the item. */
  readonly dailyRateCents?: number
  readonly hourMeterHours?: number
  readonly weeklyHours?: number
  readonly requiresApproval?: boolean
  readonly requiredQualification?: string
  readonly bufferBeforeMinutes?: number
  readonly bufferAfterMinutes?: number
  readonly notes?: string
}

export const demoResources: readonly DemoResource[] = [
  {
    key: 'chaises',
    kind: 'equipment',
    name: 'Chaises pliantes',
    category: 'mobilier',
    stock: 120,
    inventoryNumber: 'PTO-MOB-001',
    dailyRateCents: 31,
    purchaseDate: '2019-04-12',
    purchaseValueCents: 216_000,
  },
  {
    key: 'tables',
    kind: 'equipment',
    name: 'Tables pliantes 2 m',
    category: 'mobilier',
    stock: 30,
    inventoryNumber: 'PTO-MOB-002',
    dailyRateCents: 418,
    purchaseDate: '2019-04-12',
    purchaseValueCents: 267_000,
  },
  {
    key: 'bancs',
    kind: 'equipment',
    name: 'Bancs',
    category: 'mobilier',
    stock: 40,
    inventoryNumber: 'PTO-MOB-003',
  },
  {
    key: 'barrieres',
    kind: 'equipment',
    name: 'Barrières de ville 2,50 m',
    category: 'barrieres',
    stock: 80,
    inventoryNumber: 'PTO-BAR-001',
    dailyRateCents: 780,
    notes: '200 mètres linéaires.',
  },
  {
    key: 'grilles',
    kind: 'equipment',
    name: "Grilles d'exposition",
    category: 'barrieres',
    stock: 25,
    inventoryNumber: 'PTO-BAR-002',
    outOfService: 2,
    dailyRateCents: 580,
  },
  {
    key: 'podium',
    kind: 'equipment',
    name: 'Podium 24 m² (6 × 4 m)',
    category: 'structures',
    inventoryNumber: 'PTO-STR-001',
    dailyRateCents: 18_720,
    purchaseDate: '2019-05-02',
    purchaseValueCents: 1_450_000,
    serialNumber: 'PD-6040-2019-117',
    bufferBeforeMinutes: 180,
    bufferAfterMinutes: 180,
    notes: 'Montage et démontage par les agents du pôle : 3 h avant et après.',
  },
  {
    key: 'barnum1',
    kind: 'equipment',
    name: 'Barnum 3 × 3 m n° 1',
    category: 'structures',
    inventoryNumber: 'PTO-STR-002',
  },
  {
    key: 'barnum2',
    kind: 'equipment',
    name: 'Barnum 3 × 3 m n° 2',
    category: 'structures',
    inventoryNumber: 'PTO-STR-003',
  },
  {
    key: 'tente',
    kind: 'equipment',
    name: 'Tente de réception 5 × 12 m',
    category: 'structures',
    inventoryNumber: 'PTO-STR-004',
    dailyRateCents: 46_800,
    bufferBeforeMinutes: 120,
    bufferAfterMinutes: 120,
    notes: 'Livrée avec sa remorque et un lot d’éclairage.',
  },
  {
    key: 'groupe',
    kind: 'equipment',
    name: 'Groupe électrogène 6 kVA',
    category: 'son',
    inventoryNumber: 'PTO-ELE-001',
    serialNumber: 'GE6K-22-04871',
  },
  {
    key: 'coffret',
    kind: 'equipment',
    name: 'Coffret électrique de chantier',
    category: 'son',
    inventoryNumber: 'PTO-ELE-002',
    dailyRateCents: 16_800,
  },
  {
    key: 'sono',
    kind: 'equipment',
    name: 'Sonorisation portable',
    category: 'son',
    inventoryNumber: 'PTO-SON-001',
  },
  {
    key: 'broyeur',
    kind: 'equipment',
    name: 'Broyeur de végétaux',
    category: 'verts',
    inventoryNumber: 'PTO-EV-001',
    condition: 'worn',
    purchaseDate: '2017-09-20',
    purchaseValueCents: 890_000,
    hourMeterHours: 1_215,
    serialNumber: 'BV-150-8832',
  },
  {
    key: 'desherbeur',
    kind: 'equipment',
    name: 'Désherbeur thermique',
    category: 'verts',
    inventoryNumber: 'PTO-EV-002',
    condition: 'to_repair',
  },
  {
    key: 'nacelle',
    kind: 'equipment',
    name: 'Nacelle élévatrice 12 m',
    category: 'travaux',
    inventoryNumber: 'PTO-TRV-001',
    purchaseDate: '2018-03-01',
    purchaseValueCents: 3_850_000,
    serialNumber: 'NAC12-2018-3390',
    nextInspectionDate: '2027-03-15',
    requiresApproval: true,
    requiredQualification: 'CACES R486',
    notes: 'Conduite : CACES R486 catégorie B. VGP semestrielle.',
  },
  {
    key: 'minipelle',
    kind: 'equipment',
    name: 'Mini-pelle 2,5 t',
    category: 'travaux',
    inventoryNumber: 'PTO-TRV-002',
    hourMeterHours: 1_840,
    requiresApproval: true,
    purchaseDate: '2020-06-15',
    purchaseValueCents: 3_200_000,
    serialNumber: 'MP25-2020-5521',
  },
  {
    key: 'remorque',
    kind: 'equipment',
    name: 'Remorque plateau 3,5 t',
    category: 'travaux',
    inventoryNumber: 'PTO-TRV-003',
  },
  {
    key: 'master',
    kind: 'vehicle',
    name: 'Fourgon Renault Master',
    category: 'utilitaires',
    plate: 'FR-482-PT',
    licenceRequired: 'B',
    odometerKm: 84_250,
    nextInspectionDate: '2027-06-30',
  },
  {
    key: 'kangoo',
    kind: 'vehicle',
    name: 'Renault Kangoo électrique',
    category: 'utilitaires',
    plate: 'GH-127-PT',
    licenceRequired: 'B',
    odometerKm: 31_900,
    nextInspectionDate: '2028-02-10',
  },
  {
    key: 'benne',
    kind: 'vehicle',
    name: 'Camion benne 19 t',
    category: 'pl',
    plate: 'EK-905-PT',
    licenceRequired: 'C',
    requiredQualification: 'Permis C',
    odometerKm: 152_300,
    nextInspectionDate: '2027-04-20',
  },
  {
    key: 'agent1',
    kind: 'staff',
    name: 'Agent voirie n° 1',
    category: 'voirie',
    homeCommune: '85097',
    weeklyHours: 35,
    qualifications: [
      { name: 'Permis C', expiresOn: '2031-04-30' },
      { name: 'CACES R482 cat. A', expiresOn: '2029-10-14' },
    ],
  },
  {
    key: 'agent2',
    kind: 'staff',
    name: 'Agent voirie n° 2',
    category: 'voirie',
    homeCommune: '85293',
    weeklyHours: 35,
    qualifications: [
      { name: 'Permis B', expiresOn: null },
      { name: 'CACES R486 cat. B', expiresOn: '2030-06-30' },
      { name: 'Habilitation électrique B0', expiresOn: '2027-09-30' },
    ],
  },
  {
    key: 'agent3',
    kind: 'staff',
    name: 'Agent espaces verts n° 1',
    category: 'ev',
    homeCommune: '85119',
    weeklyHours: 28,
    qualifications: [
      { name: 'Permis BE', expiresOn: null },
      { name: 'Certiphyto', expiresOn: '2027-02-15' },
    ],
  },
]

/** A demo booking, placed relative to the first Saturday at least two days after the seeding day. */
export interface DemoBooking {
  readonly commune: string
  readonly title: string
  /** Days from that Saturday (negative before it). */
  readonly day: number
  /** Inclusive length in days for day-long loans; ignored when `from`/`to` are set. */
  readonly days?: number
  /** Local times `HH:mm` of a timed booking on `day` (`to` may be on `day + toDay`). */
  readonly from?: string
  readonly to?: string
  readonly toDay?: number
  readonly items: readonly [string, number?][]
}

export const demoBookings: readonly DemoBooking[] = [
  {
    commune: '85293',
    title: 'Marché de Noël',
    day: 0,
    days: 2,
    items: [['grilles', 15], ['barnum1'], ['barnum2'], ['sono'], ['tables', 10]],
  },
  {
    commune: '85097',
    title: 'Téléthon : repas et animations',
    day: 0,
    days: 1,
    items: [['chaises', 80], ['tables', 12], ['podium']],
  },
  {
    commune: '85247',
    title: 'Élagage des platanes du bourg',
    day: 3,
    from: '08:00',
    to: '17:00',
    items: [['nacelle'], ['agent2'], ['master']],
  },
  {
    commune: '85119',
    title: 'Curage des fossés, route de la Verrie',
    day: 4,
    from: '07:30',
    to: '17:30',
    toDay: 1,
    items: [['minipelle'], ['remorque'], ['benne'], ['agent1']],
  },
  {
    commune: '85198',
    title: 'Concert de Noël à l’église',
    day: 14,
    days: 1,
    items: [['chaises', 100], ['sono'], ['groupe']],
  },
  {
    commune: '85097',
    title: 'Broyage des sapins de Noël',
    day: 30,
    days: 1,
    items: [['broyeur'], ['agent3']],
  },
  {
    commune: '85198',
    title: 'Cérémonie des vœux du maire',
    day: 34,
    from: '14:00',
    to: '23:30',
    items: [['chaises', 110], ['tables', 8], ['podium'], ['sono']],
  },
]
