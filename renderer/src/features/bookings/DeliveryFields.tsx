/**
 * « Livraison et reprise par le pôle » of the booking form: the vehicle, the agents (1 to 4), the
 * duration of each trip and the address. The hub delivers before the start and collects after the end;
 * the vehicle and agents are booked for those trips. Display only: props in, callbacks out.
 */
import type { Resource } from '../../../../shared/domain/types'
import { Field, fieldA11y } from '../../components/Field'
import type { DeliveryDraft } from './lifecycle'
import { MAX_DELIVERY_AGENTS, toggleAgent } from './lifecycle'

interface DeliveryFieldsProps {
  readonly delivery: DeliveryDraft
  /** Active vehicles and agents, sorted by name. */
  readonly vehicles: readonly Resource[]
  readonly agents: readonly Resource[]
  readonly errors: Readonly<Record<string, string>>
  /** A series carries no delivery: the section is shown but cannot be turned on. */
  readonly disabledReason: string | null
  readonly onChange: (patch: Partial<DeliveryDraft>) => void
}

export function DeliveryFields({
  delivery,
  vehicles,
  agents,
  errors,
  disabledReason,
  onChange,
}: DeliveryFieldsProps) {
  const vehicleError = errors['delivery.vehicleId']
  const agentsError = errors['delivery.agentIds']
  const minutesError = errors['delivery.minutes']
  const addressError = errors['delivery.address']
  const enabled = delivery.enabled && !disabledReason
  return (
    <fieldset className="items lc-form-section" data-testid="delivery-section">
      <legend className="period__legend">Livraison</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={enabled}
          disabled={disabledReason !== null}
          onChange={(e) => onChange({ enabled: e.target.checked })}
        />
        <span>Livraison et reprise par le pôle</span>
      </label>
      {disabledReason ? <p className="field__hint">{disabledReason}</p> : null}
      {enabled ? (
        <>
          <p className="field__hint">
            Le pôle livre avant le début et reprend après la fin ; le véhicule et les agents sont réservés
            pour ces trajets (une journée entière : livraison à 8 h le premier jour, reprise à 8 h le
            lendemain du dernier).
          </p>
          <div className="form-grid form-grid--2">
            <Field id="booking-delivery-vehicle" label="Véhicule de livraison" error={vehicleError} required>
              <select
                {...fieldA11y('booking-delivery-vehicle', vehicleError)}
                value={delivery.vehicleId}
                onChange={(e) => onChange({ vehicleId: e.target.value })}
              >
                <option value="">Choisir un véhicule…</option>
                {vehicles.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                    {v.plate ? ` (${v.plate})` : ''}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id="booking-delivery-minutes"
              label="Durée du trajet (min)"
              error={minutesError}
              hint="Chaque trajet, de 15 à 480 min."
            >
              <input
                type="number"
                min={15}
                max={480}
                step={15}
                {...fieldA11y('booking-delivery-minutes', minutesError, 'booking-delivery-minutes-hint')}
                value={delivery.minutes}
                onChange={(e) => onChange({ minutes: e.target.value })}
              />
            </Field>
          </div>
          <fieldset
            className="lc-agents"
            aria-describedby={agentsError ? 'booking-delivery-agents-error' : undefined}
          >
            <legend className="field__label">
              Agents de la livraison <span className="field__hint">({MAX_DELIVERY_AGENTS} au plus)</span>
            </legend>
            <div className="lc-agents__list">
              {agents.map((agent) => {
                const checked = delivery.agentIds.includes(agent.id)
                return (
                  <label key={agent.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={!checked && delivery.agentIds.length >= MAX_DELIVERY_AGENTS}
                      onChange={() => onChange({ agentIds: toggleAgent(delivery.agentIds, agent.id) })}
                    />
                    <span>{agent.name}</span>
                  </label>
                )
              })}
            </div>
            {agentsError ? (
              <p className="field__error" id="booking-delivery-agents-error">
                {agentsError}
              </p>
            ) : null}
          </fieldset>
          <Field id="booking-delivery-address" label="Adresse de livraison" error={addressError}>
            <textarea
              rows={2}
              {...fieldA11y('booking-delivery-address', addressError)}
              placeholder="ex. Salle des fêtes, 2 rue du Stade, Tiffauges"
              value={delivery.address}
              onChange={(e) => onChange({ address: e.target.value })}
            />
          </Field>
        </>
      ) : null}
    </fieldset>
  )
}
