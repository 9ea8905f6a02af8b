/**
 * The eleven member communes of the Communauté de Communes du Pays de Mortagne (EPCI SIREN 248500662)
 * and the western technical hub.
 *
 * Source: npm package `@etalab/decoupage-administratif@6.0.0` (2026 vintage, built from INSEE's Code
 * officiel géographique, the DGCL list of intercommunalities, INSEE legal populations and La Poste's
 * postal codes), files `data/epci.json` and `data/communes.json`; Licence Ouverte. Population is the
 * INSEE "population municipale" of that file. Chanverrie (85302) is a commune nouvelle (La Verrie and
 * Chambretaud); Mortagne-sur-Sèvre absorbed 85085 and 85225.
 *
 * The pôle technique Ouest groups the technical agents of La Gaubretière, Tiffauges,
 * Saint-Martin-des-Tilleuls, Saint-Aubin-des-Ormeaux and Les Landes-Genusson.
 */

export interface CommuneFact {
  readonly inseeCode: string
  readonly name: string
  readonly siren: string
  readonly postalCode: string
  readonly population: number
  /** Served by the pôle technique Ouest. */
  readonly poleOuest: boolean
}

export const EPCI = { siren: '248500662', name: 'Communauté de Communes du Pays de Mortagne' } as const

export const POLE_OUEST_NAME = 'Pôle technique Ouest'

export const communeFacts: readonly CommuneFact[] = [
  {
    inseeCode: '85097',
    name: 'La Gaubretière',
    siren: '218500973',
    postalCode: '85130',
    population: 3225,
    poleOuest: true,
  },
  {
    inseeCode: '85119',
    name: 'Les Landes-Genusson',
    siren: '218501195',
    postalCode: '85130',
    population: 2638,
    poleOuest: true,
  },
  {
    inseeCode: '85134',
    name: 'Mallièvre',
    siren: '218501344',
    postalCode: '85590',
    population: 251,
    poleOuest: false,
  },
  {
    inseeCode: '85151',
    name: 'Mortagne-sur-Sèvre',
    siren: '218501518',
    postalCode: '85290',
    population: 6057,
    poleOuest: false,
  },
  {
    inseeCode: '85198',
    name: 'Saint-Aubin-des-Ormeaux',
    siren: '218501989',
    postalCode: '85130',
    population: 1394,
    poleOuest: true,
  },
  {
    inseeCode: '85238',
    name: 'Saint-Laurent-sur-Sèvre',
    siren: '218502383',
    postalCode: '85290',
    population: 3550,
    poleOuest: false,
  },
  {
    inseeCode: '85240',
    name: 'Saint-Malô-du-Bois',
    siren: '218502409',
    postalCode: '85590',
    population: 1612,
    poleOuest: false,
  },
  {
    inseeCode: '85247',
    name: 'Saint-Martin-des-Tilleuls',
    siren: '218502474',
    postalCode: '85130',
    population: 1150,
    poleOuest: true,
  },
  {
    inseeCode: '85293',
    name: 'Tiffauges',
    siren: '218502938',
    postalCode: '85130',
    population: 1544,
    poleOuest: true,
  },
  {
    inseeCode: '85296',
    name: 'Treize-Vents',
    siren: '218502961',
    postalCode: '85590',
    population: 1226,
    poleOuest: false,
  },
  {
    inseeCode: '85302',
    name: 'Chanverrie',
    siren: '200085009',
    postalCode: '85130',
    population: 5653,
    poleOuest: false,
  },
]
