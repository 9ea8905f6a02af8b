/**
 * « Opérateur qualifié » of the booking form: shown when a chosen resource needs a qualified operator
 * (or a refusal said one is missing). Says what is needed, offers the hub's agents who hold it, and
 * the commune's own operator (name and qualification). Display only: props in, callbacks out.
 */
import type { QualificationIssue } from '../../../../shared/domain/lifecycle'
import type { Resource } from '../../../../shared/domain/types'
import { Field, fieldA11y } from '../../components/Field'
import type { OperatorDraft } from './lifecycle'
import { agentsHolding } from './lifecycle'

interface QualificationSectionProps {
  readonly needs: readonly { readonly resource: Resource; readonly qualification: string }[]
  /** What is missing now (live check, or the backend's refusal); empty when covered. */
  readonly issues: readonly QualificationIssue[]
  /** True when `issues` come from a refusal of the backend (shown as an error). */
  readonly refused: boolean
  /** Last day of the request (`YYYY-MM-DD`), for the agents' expiry dates; null when unknown. */
  readonly lastDay: string | null
  readonly resources: readonly Resource[]
  /** Resources already in the request. */
  readonly chosenIds: ReadonlySet<string>
  readonly operator: OperatorDraft
  readonly errors: Readonly<Record<string, string>>
  readonly onAddAgent: (agentId: string) => void
  readonly onOperator: (patch: Partial<OperatorDraft>) => void
}

export function QualificationSection(props: QualificationSectionProps) {
  const { needs, issues, operator, errors } = props
  if (needs.length === 0 && issues.length === 0 && !operator.enabled) return null
  const nameError = errors['providedOperator.name']
  const qualificationError = errors['providedOperator.qualification']
  return (
    <fieldset className="items lc-form-section" data-testid="qualification-help">
      <legend className="period__legend">Opérateur qualifié</legend>
      {needs.length > 0 ? (
        <ul className="plain-list lc-needs">
          {needs.map(({ resource, qualification }) => (
            <li key={resource.id}>
              « {resource.name} » se prête avec un opérateur titulaire de <strong>{qualification}</strong>.
            </li>
          ))}
        </ul>
      ) : null}
      {issues.length > 0 ? (
        <div
          className={`lc-issues${props.refused ? ' lc-issues--refused' : ''}`}
          role={props.refused ? 'alert' : 'status'}
          data-testid="qualification-issues"
        >
          {issues.map((issue) => {
            const agents = agentsHolding(issue.qualification, props.resources, props.lastDay).filter(
              (agent) => !props.chosenIds.has(agent.id),
            )
            return (
              <div key={issue.resourceId} className="lc-issue">
                <p>{issue.message}</p>
                <div className="lc-issue__offers">
                  {agents.map((agent) => (
                    <button
                      key={agent.id}
                      type="button"
                      className="button button--small"
                      onClick={() => props.onAddAgent(agent.id)}
                    >
                      Ajouter {agent.name}
                    </button>
                  ))}
                  {!operator.enabled ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() =>
                        props.onOperator({
                          enabled: true,
                          qualification: operator.qualification || issue.qualification,
                        })
                      }
                    >
                      Opérateur de la commune
                    </button>
                  ) : null}
                </div>
                {agents.length === 0 ? (
                  <p className="field__hint">
                    Aucun agent du pôle ne détient {issue.qualification} sur toute la période.
                  </p>
                ) : null}
              </div>
            )
          })}
        </div>
      ) : needs.length > 0 ? (
        <p className="lc-ok" data-testid="qualification-covered">
          Opérateur qualifié prévu.
        </p>
      ) : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={operator.enabled}
          onChange={(e) =>
            props.onOperator({
              enabled: e.target.checked,
              qualification: operator.qualification || (needs[0]?.qualification ?? ''),
            })
          }
        />
        <span>Opérateur fourni par la commune</span>
      </label>
      {operator.enabled ? (
        <div className="form-grid form-grid--2">
          <Field id="booking-operator-name" label="Nom de l’opérateur" error={nameError} required>
            <input
              type="text"
              {...fieldA11y('booking-operator-name', nameError)}
              placeholder="Prénom Nom"
              value={operator.name}
              onChange={(e) => props.onOperator({ name: e.target.value })}
            />
          </Field>
          <Field
            id="booking-operator-qualification"
            label="Qualification de l’opérateur"
            error={qualificationError}
            required
          >
            <input
              type="text"
              {...fieldA11y('booking-operator-qualification', qualificationError)}
              placeholder="ex. CACES R486"
              value={operator.qualification}
              onChange={(e) => props.onOperator({ qualification: e.target.value })}
            />
          </Field>
        </div>
      ) : null}
    </fieldset>
  )
}
