import { useEffect, useMemo } from 'react'
import type { FormEvent } from 'react'
import { DEFAULTS_VALID_FROM } from '../../../../shared/costs/defaults'
import type { HubSettings, RateUnit } from '../../../../shared/domain/costs'
import type { Resource } from '../../../../shared/domain/types'
import { formatLocalDateFr } from '../../../../shared/time'
import { DateTextInput } from '../../components/DateTextInput'
import { Field, fieldA11y } from '../../components/Field'
import { Banner, Loading, LoadError } from '../../components/Feedback'
import { todayLocalDate } from '../../lib/dates'
import { hashOf } from '../../stores/navigation'
import { formatAmount, formatNumber, formatRate, rateUnitOptions, validityBadgeClass } from './format'
import { MoneyInput } from './MoneyInput'
import type { RateDraft, RateRow } from './rates'
import { currentRate, rateRows } from './rates'
import { useRates } from './ratesStore'

const stateLabels: Record<RateRow['state'], string> = {
  current: 'En vigueur',
  future: 'À venir',
  past: 'Remplacé',
}

/** What a resource without a rate of its own costs: the hub's hourly rate for agents and vehicles. */
function hubRateNote(resource: Resource, settings: HubSettings | null): string | null {
  if (!settings || resource.kind === 'equipment') return null
  return resource.kind === 'staff'
    ? `Sans tarif propre, l’agent est compté au taux horaire des agents du pôle : ${formatAmount(settings.agentHourlyRateCents)} par heure, majoré la nuit, le dimanche et les jours fériés.`
    : `Sans tarif propre, le véhicule est compté au taux horaire des véhicules du pôle : ${formatAmount(settings.vehicleHourlyRateCents)} par heure.`
}

function RateTable({ rows, areaM2 }: { readonly rows: readonly RateRow[]; readonly areaM2: number | null }) {
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="rate-history">
        <thead>
          <tr>
            <th scope="col">Applicable à partir du</th>
            <th scope="col">Jusqu’au</th>
            <th scope="col">Tarif</th>
            <th scope="col" className="num">
              Caution
            </th>
            <th scope="col">Communes membres</th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ rate, until, state }) => (
            <tr key={rate.id} data-state={state} className={state === 'past' ? 'is-inactive' : undefined}>
              <td className="nowrap">
                {rate.validFrom <= DEFAULTS_VALID_FROM
                  ? 'Depuis toujours'
                  : formatLocalDateFr(rate.validFrom)}
              </td>
              <td className="nowrap">{until ? formatLocalDateFr(until) : '—'}</td>
              <td>{formatRate(rate, areaM2)}</td>
              <td className="num nowrap">{rate.depositCents > 0 ? formatAmount(rate.depositCents) : '—'}</td>
              <td>{rate.unit === 'none' ? '—' : rate.free ? 'Gratuit' : 'Payant'}</td>
              <td>
                <span className={validityBadgeClass[state]}>{stateLabels[state]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface RateFormProps {
  readonly draft: RateDraft
  readonly errors: Readonly<Record<string, string>>
  readonly formError: string | null
  readonly saving: boolean
  readonly onChange: (patch: Partial<RateDraft>) => void
  readonly onSubmit: () => void
  readonly onCancel: () => void
}

function RateForm({ draft, errors, formError, saving, onChange, onSubmit, onCancel }: RateFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  const amountHint = draft.unit === 'm2_day' ? 'Par m² de la ressource et par jour.' : 'Par unité.'
  return (
    <form className="costs-rate-form" data-testid="rate-form" onSubmit={submit} noValidate>
      <h3 className="rd-subtitle">Nouveau tarif</h3>
      <div className="form-grid">
        <Field id="rate-unit" label="Unité de tarif" error={errors.unit}>
          <select
            {...fieldA11y('rate-unit', errors.unit)}
            value={draft.unit}
            onChange={(e) => onChange({ unit: e.target.value as RateUnit })}
          >
            {rateUnitOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        {draft.unit !== 'none' ? (
          <Field id="rate-amount" label="Montant" error={errors.amountCents} hint={amountHint}>
            <MoneyInput
              id="rate-amount"
              value={draft.amount}
              onChange={(amount) => onChange({ amount })}
              error={errors.amountCents}
              hintId="rate-amount-hint"
            />
          </Field>
        ) : null}
        {draft.unit === 'm2_day' ? (
          <Field
            id="rate-area"
            label="Surface (m²)"
            error={errors.areaM2}
            hint="Surface de la ressource, enregistrée sur sa fiche."
          >
            <input
              type="text"
              inputMode="decimal"
              {...fieldA11y('rate-area', errors.areaM2, 'rate-area-hint')}
              value={draft.area}
              onChange={(e) => onChange({ area: e.target.value })}
            />
          </Field>
        ) : null}
        <Field
          id="rate-deposit"
          label="Caution par réservation"
          error={errors.depositCents}
          hint="Une fois par réservation, quelle que soit la quantité. Vide : aucune."
        >
          <MoneyInput
            id="rate-deposit"
            value={draft.deposit}
            onChange={(deposit) => onChange({ deposit })}
            error={errors.depositCents}
            hintId="rate-deposit-hint"
          />
        </Field>
        <Field
          id="rate-validFrom"
          label="Applicable à partir du"
          error={errors.validFrom}
          hint="Les réservations qui commencent ce jour-là ou après."
        >
          <DateTextInput
            id="rate-validFrom"
            value={draft.validFrom}
            onChange={(validFrom) => onChange({ validFrom })}
            invalid={Boolean(errors.validFrom)}
            describedBy={errors.validFrom ? 'rate-validFrom-error' : 'rate-validFrom-hint'}
          />
        </Field>
        {draft.unit !== 'none' ? (
          <div className="field span-2">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={draft.free}
                onChange={(e) => onChange({ free: e.target.checked })}
              />
              <span>Gratuit pour les communes membres</span>
            </label>
            <p className="field__hint">La ligne figure sur le relevé, à 0 €.</p>
          </div>
        ) : null}
      </div>
      {formError ? <Banner tone="error">{formError}</Banner> : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Annuler
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Enregistrement…' : 'Enregistrer le tarif'}
        </button>
      </div>
    </form>
  )
}

/**
 * The « Tarifs » section of a resource's page: the rates in force, coming and replaced, and the form
 * that sets a new one from a date. `onSaved` runs after a stored rate (the page reloads its resource:
 * area and daily rate may have changed).
 */
export function RatesSection({
  resource,
  canEdit,
  onSaved,
}: {
  readonly resource: Resource
  readonly canEdit: boolean
  readonly onSaved: () => void
}) {
  const r = useRates()
  const load = r.load
  useEffect(() => {
    void load(resource.id)
  }, [load, resource.id])
  const today = todayLocalDate()
  const rows = useMemo(() => rateRows(r.rates, resource.id, today), [r.rates, resource.id, today])
  const current = currentRate(rows)
  const hubNote = current === null || current.unit === 'none' ? hubRateNote(resource, r.settings) : null
  const save = async () => {
    if (await r.save(resource)) onSaved()
  }

  return (
    <section className="card" aria-labelledby="rates-title" data-testid="resource-rates">
      <div className="card__header">
        <div>
          <h2 id="rates-title" className="card__title">
            Tarifs <span className="rd-count">{rows.length}</span>
          </h2>
          <p className="card__subtitle">
            Chaque réservation est comptée au tarif en vigueur à son premier jour ; un relevé déjà émis ne
            change plus.
          </p>
        </div>
        {canEdit && r.draft === null ? (
          <button type="button" className="button button--primary" onClick={() => r.openForm(resource)}>
            Nouveau tarif
          </button>
        ) : null}
      </div>
      {r.notice ? (
        <Banner tone="success" onDismiss={r.dismissNotice}>
          <span data-testid="rate-saved">{r.notice}</span>
        </Banner>
      ) : null}
      {resource.areaM2 !== null ? (
        <p className="costs-note">Surface : {formatNumber(resource.areaM2)} m²</p>
      ) : null}
      {hubNote ? (
        <p className="costs-note">
          {hubNote} <a href={hashOf('parametres')}>Voir les paramètres</a>
        </p>
      ) : null}
      {r.status === 'error' && r.error ? (
        <LoadError message={r.error} onRetry={() => void load(resource.id)} />
      ) : r.status !== 'ready' && r.resourceId !== resource.id ? (
        <Loading label="Chargement des tarifs…" />
      ) : rows.length === 0 ? (
        <p className="rd-muted">
          Aucun tarif : les réservations de cette ressource sont comptées à 0 € et signalées.
        </p>
      ) : (
        <RateTable rows={rows} areaM2={resource.areaM2} />
      )}
      {r.draft ? (
        <RateForm
          draft={r.draft}
          errors={r.errors}
          formError={r.formError}
          saving={r.saving}
          onChange={r.edit}
          onSubmit={() => void save()}
          onCancel={r.closeForm}
        />
      ) : null}
    </section>
  )
}
