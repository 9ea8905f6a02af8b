import type { ResourceKind } from '../../../shared/domain/types'
import { resourceKinds } from '../../../shared/domain/types'
import { kindPluralLabel } from '../lib/labels'

interface KindSelectProps {
  readonly id: string
  /** A kind, or `''` for all kinds. */
  readonly value: ResourceKind | ''
  readonly onChange: (kind: ResourceKind | '') => void
}

/** A select of resource kinds (Matériel, Véhicules, Agents) with « Tous les types » first. */
export function KindSelect({ id, value, onChange }: KindSelectProps) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as ResourceKind | '')}>
      <option value="">Tous les types</option>
      {resourceKinds.map((k) => (
        <option key={k} value={k}>
          {kindPluralLabel(k)}
        </option>
      ))}
    </select>
  )
}
