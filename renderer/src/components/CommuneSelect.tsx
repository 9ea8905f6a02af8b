import { useMemo } from 'react'
import type { Commune, Hub } from '../../../shared/domain/types'
import { orderCommunes } from '../stores/reference'

interface CommuneSelectProps {
  readonly id: string
  readonly communes: readonly Commune[]
  readonly hubs: readonly Hub[]
  readonly value: string
  readonly onChange: (communeId: string) => void
  /** Text of the empty option (`Choisir…`, `Toutes les communes`); no empty option when undefined. */
  readonly emptyLabel?: string
  readonly invalid?: boolean
  readonly describedBy?: string | undefined
  /** Offer only communes served by a hub (those that can book). */
  readonly servedOnly?: boolean
}

/** A commune select: communes served by a hub first (grouped under the hub's name), then the others. */
export function CommuneSelect({
  id,
  communes,
  hubs,
  value,
  onChange,
  emptyLabel,
  invalid,
  describedBy,
  servedOnly = false,
}: CommuneSelectProps) {
  const { served, others } = useMemo(() => orderCommunes(communes), [communes])
  const hubName = (hubId: string | null) => hubs.find((h) => h.id === hubId)?.name ?? 'Pôle technique'
  const servedByHub = useMemo(() => {
    const groups = new Map<string | null, Commune[]>()
    for (const commune of served) groups.set(commune.hubId, [...(groups.get(commune.hubId) ?? []), commune])
    return [...groups.entries()]
  }, [served])
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
    >
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {servedByHub.map(([hubId, list]) => (
        <optgroup key={hubId ?? 'none'} label={hubName(hubId)}>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ))}
      {others.length > 0 && !servedOnly ? (
        <optgroup label="Autres communes">
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ) : null}
    </select>
  )
}
