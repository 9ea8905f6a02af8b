import { Field, fieldA11y } from '../../components/Field'
import type { ResourceDraft } from '../inventory/draft'

interface AreaFieldProps {
  readonly draft: Pick<ResourceDraft, 'kind' | 'tracking' | 'areaM2'>
  readonly error: string | undefined
  readonly onChange: (patch: Partial<ResourceDraft>) => void
}

/**
 * « Surface au sol (m²) » in the resource form, for equipment rented per m² and per day (podium,
 * tents): the amount of such a rate is multiplied by it. Equipment only. Display only.
 */
export function AreaField({ draft, error, onChange }: AreaFieldProps) {
  if (draft.kind !== 'equipment') return null
  return (
    <Field
      id="resource-areaM2"
      label="Surface au sol (m²)"
      error={error}
      hint={
        draft.tracking === 'stock'
          ? 'D’une unité, pour un tarif au m² (tentes, barnums).'
          : 'Pour un tarif au m² et par jour (podium, tente).'
      }
    >
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        {...fieldA11y('resource-areaM2', error, 'resource-areaM2-hint')}
        placeholder="ex. 24"
        value={draft.areaM2}
        onChange={(e) => onChange({ areaM2: e.target.value })}
      />
    </Field>
  )
}
