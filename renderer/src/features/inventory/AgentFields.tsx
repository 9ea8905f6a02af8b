/**
 * The fields of an agent in the resource form: home commune and weekly hours, then the qualifications
 * (CACES, licences, electrical clearance…) with their expiry date and how close it is. Display only.
 */
import type { Commune, Hub } from '../../../../shared/domain/types'
import { CommuneSelect } from '../../components/CommuneSelect'
import { DateTextInput } from '../../components/DateTextInput'
import { Field, fieldA11y } from '../../components/Field'
import type { ExpiryState, QualificationDraft } from './model'
import { draftQualificationState } from './model'
import { DraftInput, type FieldGroupProps } from './ResourceFormParts'

const expiryBadge: Record<ExpiryState, { label: string; className: string } | null> = {
  none: null,
  valid: { label: 'Valide', className: 'rform-expiry rform-expiry--valid' },
  expiring: { label: 'Expire bientôt', className: 'rform-expiry rform-expiry--expiring' },
  expired: { label: 'Expirée', className: 'rform-expiry rform-expiry--expired' },
}

/** An agent's fields in « Identification »: `Commune de rattachement` and `Heures par semaine`. */
export function AgentIdentityFields({
  communes,
  hubs,
  ...group
}: FieldGroupProps & { readonly communes: readonly Commune[]; readonly hubs: readonly Hub[] }) {
  const { draft, errorOf, onChange } = group
  return (
    <>
      <Field id="resource-homeCommuneId" label="Commune de rattachement" error={errorOf('homeCommuneId')}>
        <CommuneSelect
          id="resource-homeCommuneId"
          communes={communes}
          hubs={hubs}
          value={draft.homeCommuneId}
          onChange={(homeCommuneId) => onChange({ homeCommuneId })}
          emptyLabel="Non rattaché"
          invalid={Boolean(errorOf('homeCommuneId'))}
          describedBy={errorOf('homeCommuneId') ? 'resource-homeCommuneId-error' : undefined}
        />
      </Field>
      <Field id="resource-weeklyHours" label="Heures par semaine" error={errorOf('weeklyHours')}>
        <DraftInput {...group} field="weeklyHours" type="number" />
      </Field>
    </>
  )
}

interface QualificationRowProps {
  readonly index: number
  readonly row: QualificationDraft
  /** Today in Europe/Paris, `YYYY-MM-DD`. */
  readonly today: string
  readonly errorOf: (path: string) => string | undefined
  readonly onEdit: (patch: Partial<QualificationDraft>) => void
  readonly onRemove: () => void
}

/**
 * One qualification as a table row: `Qualification n° N`, `Expiration n° N`, its state badge and
 * `Retirer la ligne n° N`; `data-state` (and the row's colour) follows the date as typed.
 */
function QualificationRow({ index, row, today, errorOf, onEdit, onRemove }: QualificationRowProps) {
  // Rows are numbered from 1 for people; ids and API paths count from 0.
  const n = index + 1
  const nameId = `qualification-${index}-name`
  const dateId = `qualification-${index}-expiresOn`
  const nameError = errorOf(`qualifications.${index}.name`)
  const dateError = errorOf(`qualifications.${index}.expiresOn`)
  const state = draftQualificationState(row, today)
  const badge = expiryBadge[state]
  return (
    <tr className={`rform-qual rform-qual--${state}`} data-state={state}>
      <td>
        <label htmlFor={nameId} className="visually-hidden">
          Qualification n° {n}
        </label>
        <input
          type="text"
          {...fieldA11y(nameId, nameError)}
          placeholder="ex. CACES R486 cat. B"
          value={row.name}
          onChange={(e) => onEdit({ name: e.target.value })}
        />
        {nameError ? (
          <p className="field__error" id={`${nameId}-error`}>
            {nameError}
          </p>
        ) : null}
      </td>
      <td className="rform-quals__date">
        <label htmlFor={dateId} className="visually-hidden">
          Expiration n° {n}
        </label>
        <DateTextInput
          id={dateId}
          value={row.expiresOn}
          onChange={(expiresOn) => onEdit({ expiresOn })}
          invalid={Boolean(dateError)}
          describedBy={dateError ? `${dateId}-error` : undefined}
        />
        {dateError ? (
          <p className="field__error" id={`${dateId}-error`}>
            {dateError}
          </p>
        ) : null}
      </td>
      <td className="nowrap">{badge ? <span className={badge.className}>{badge.label}</span> : null}</td>
      <td className="actions-col">
        <button
          type="button"
          className="button button--small button--ghost-danger"
          aria-label={`Retirer la ligne n° ${n}`}
          onClick={onRemove}
        >
          Retirer
        </button>
      </td>
    </tr>
  )
}

/**
 * The « Qualifications » section of an agent: one row per qualification
 * (`getByTestId('qualification-rows')`, hidden while there is none), `+ Ajouter une qualification`,
 * and the colour key (red expired, orange expiring within 60 days, as of `today`, Europe/Paris
 * `YYYY-MM-DD`).
 */
export function QualificationsSection({
  draft,
  errorOf,
  onChange,
  today,
}: FieldGroupProps & { readonly today: string }) {
  const rows = draft.qualifications
  return (
    <fieldset className="rform-section">
      <legend className="rform-section__title">Qualifications</legend>
      {rows.length === 0 ? (
        <p className="rform-quals__empty">Aucune qualification. CACES, permis, habilitation électrique…</p>
      ) : (
        <table className="table table--compact rform-quals" data-testid="qualification-rows">
          <thead>
            <tr>
              <th scope="col">Qualification</th>
              <th scope="col">Expire le</th>
              <th scope="col">État</th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <QualificationRow
                // Rows have no identity of their own; the position is what the field ids use too.
                key={index}
                index={index}
                row={row}
                today={today}
                errorOf={errorOf}
                onEdit={(patch) =>
                  onChange({ qualifications: rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) })
                }
                onRemove={() => onChange({ qualifications: rows.filter((_, i) => i !== index) })}
              />
            ))}
          </tbody>
        </table>
      )}
      <div>
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange({ qualifications: [...rows, { name: '', expiresOn: '' }] })}
        >
          + Ajouter une qualification
        </button>
      </div>
      <p className="field__hint">En rouge : expirée ; en orange : expire dans les 60 jours.</p>
    </fieldset>
  )
}
