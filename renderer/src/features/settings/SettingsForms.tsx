/**
 * The forms of the Paramètres page: hourly rates, surcharge bands and governance rules, each saved on
 * its own from its own « applicable à partir du ». Display only (props in, callbacks out).
 */
import type { FormEvent, ReactNode } from 'react'
import type { Category } from '../../../../shared/domain/types'
import { DateTextInput } from '../../components/DateTextInput'
import { Field, fieldA11y } from '../../components/Field'
import { Banner } from '../../components/Feedback'
import { categoryOptions } from '../inventory/categories'
import { MoneyInput } from '../costs/MoneyInput'
import type { GovernanceDraft, HourlyDraft, QuotaDraft, SurchargeDraft } from './model'

interface FormFrameProps {
  readonly id: string
  readonly title: string
  readonly subtitle: string
  readonly validFrom: string
  readonly validFromLabel: string
  readonly errors: Readonly<Record<string, string>>
  readonly formError: string | undefined
  readonly readOnly: boolean
  readonly saving: boolean
  readonly onValidFrom: (text: string) => void
  readonly onSubmit: () => void
  readonly onReset: () => void
  readonly children: ReactNode
}

/** A card holding one form, its « applicable à partir du », its refusal and its buttons. */
function FormFrame(props: FormFrameProps) {
  const { id, errors, readOnly } = props
  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onSubmit()
  }
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        {props.title}
      </h2>
      <p className="card__subtitle">{props.subtitle}</p>
      <form className="form" onSubmit={submit} noValidate data-testid={`${id}-form`}>
        <fieldset className="settings-fieldset" disabled={readOnly}>
          <div className="form-grid">{props.children}</div>
          {readOnly ? null : (
            <div className="form-grid settings-valid-from">
              <Field
                id={`${id}-validFrom`}
                label={props.validFromLabel}
                error={errors.validFrom}
                hint="Les réservations qui commencent ce jour-là ou après."
              >
                <DateTextInput
                  id={`${id}-validFrom`}
                  value={props.validFrom}
                  onChange={props.onValidFrom}
                  invalid={Boolean(errors.validFrom)}
                  describedBy={errors.validFrom ? `${id}-validFrom-error` : `${id}-validFrom-hint`}
                />
              </Field>
            </div>
          )}
        </fieldset>
        {props.formError ? <Banner tone="error">{props.formError}</Banner> : null}
        {readOnly ? null : (
          <div className="form-actions">
            <button type="button" className="button" onClick={props.onReset}>
              Rétablir
            </button>
            <button type="submit" className="button button--primary" disabled={props.saving}>
              {props.saving ? 'Enregistrement…' : 'Enregistrer'}
            </button>
          </div>
        )}
      </form>
    </section>
  )
}

interface SectionProps<D> {
  readonly draft: D
  readonly errors: Readonly<Record<string, string>>
  readonly formError: string | undefined
  readonly readOnly: boolean
  readonly saving: boolean
  readonly onChange: (patch: Partial<D>) => void
  readonly onSubmit: () => void
  readonly onReset: () => void
}

function frame<D extends { readonly validFrom: string }>(p: SectionProps<D>) {
  return {
    validFrom: p.draft.validFrom,
    errors: p.errors,
    formError: p.formError,
    readOnly: p.readOnly,
    saving: p.saving,
    onValidFrom: (validFrom: string) => p.onChange({ validFrom } as Partial<D>),
    onSubmit: p.onSubmit,
    onReset: p.onReset,
  }
}

function NumberInput({
  id,
  value,
  error,
  hintId,
  onChange,
  suffix,
  inputMode = 'numeric',
}: {
  readonly id: string
  readonly value: string
  readonly error: string | undefined
  readonly hintId?: string
  readonly onChange: (text: string) => void
  readonly suffix: string
  readonly inputMode?: 'numeric' | 'decimal'
}) {
  return (
    <div className="rform-money">
      <input
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        {...fieldA11y(id, error, hintId)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="rform-money__unit" aria-hidden="true">
        {suffix}
      </span>
    </div>
  )
}

/** Agents' and vehicles' hourly rates, and the hours of a whole day. */
export function HourlyForm(p: SectionProps<HourlyDraft>) {
  const { draft, errors, onChange } = p
  return (
    <FormFrame
      id="settings-hourly"
      title="Taux horaires"
      subtitle="Pour les agents et les véhicules qui n’ont pas de tarif propre sur leur fiche."
      validFromLabel="Taux applicables à partir du"
      {...frame(p)}
    >
      <Field
        id="settings-agentHourly"
        label="Taux horaire des agents"
        error={errors.agentHourlyRateCents}
        hint="Par agent et par heure, hors majoration."
      >
        <MoneyInput
          id="settings-agentHourly"
          value={draft.agentHourly}
          onChange={(agentHourly) => onChange({ agentHourly })}
          error={errors.agentHourlyRateCents}
          hintId="settings-agentHourly-hint"
        />
      </Field>
      <Field
        id="settings-vehicleHourly"
        label="Taux horaire des véhicules"
        error={errors.vehicleHourlyRateCents}
        hint="Par véhicule et par heure."
      >
        <MoneyInput
          id="settings-vehicleHourly"
          value={draft.vehicleHourly}
          onChange={(vehicleHourly) => onChange({ vehicleHourly })}
          error={errors.vehicleHourlyRateCents}
          hintId="settings-vehicleHourly-hint"
        />
      </Field>
      <Field
        id="settings-allDayHours"
        label="Heures comptées par journée entière"
        error={errors.allDayHours}
        hint="Pour un agent ou un véhicule réservé à la journée, sans heures."
      >
        <NumberInput
          id="settings-allDayHours"
          value={draft.allDayHours}
          error={errors.allDayHours}
          hintId="settings-allDayHours-hint"
          inputMode="decimal"
          suffix="h"
          onChange={(allDayHours) => onChange({ allDayHours })}
        />
      </Field>
    </FormFrame>
  )
}

/** The agents' surcharge bands: night hours and three percents. */
export function SurchargeForm(p: SectionProps<SurchargeDraft>) {
  const { draft, errors, onChange } = p
  const percent = (key: 'nightPercent' | 'holidayDayPercent' | 'holidayNightPercent', label: string) => (
    <Field id={`settings-${key}`} label={label} error={errors[`surcharges.${key}`]}>
      <NumberInput
        id={`settings-${key}`}
        value={draft[key]}
        error={errors[`surcharges.${key}`]}
        suffix="%"
        onChange={(value) => onChange({ [key]: value })}
      />
    </Field>
  )
  return (
    <FormFrame
      id="settings-surcharges"
      title="Majorations des agents"
      subtitle="Ajoutées au taux horaire selon l’heure de Paris ; les jours fériés sont ceux de la France métropolitaine."
      validFromLabel="Majorations applicables à partir du"
      {...frame(p)}
    >
      <Field
        id="settings-nightStart"
        label="Début de la nuit"
        error={errors['surcharges.nightStart']}
        hint="hh:mm, par exemple 21:00."
      >
        <input
          type="text"
          inputMode="numeric"
          {...fieldA11y('settings-nightStart', errors['surcharges.nightStart'], 'settings-nightStart-hint')}
          value={draft.nightStart}
          onChange={(e) => onChange({ nightStart: e.target.value })}
        />
      </Field>
      <Field
        id="settings-nightEnd"
        label="Fin de la nuit"
        error={errors['surcharges.nightEnd']}
        hint="Le lendemain matin, par exemple 07:00."
      >
        <input
          type="text"
          inputMode="numeric"
          {...fieldA11y('settings-nightEnd', errors['surcharges.nightEnd'], 'settings-nightEnd-hint')}
          value={draft.nightEnd}
          onChange={(e) => onChange({ nightEnd: e.target.value })}
        />
      </Field>
      {percent('nightPercent', 'Nuit en semaine et samedi')}
      {percent('holidayDayPercent', 'Dimanche et jour férié, de jour')}
      {percent('holidayNightPercent', 'Dimanche et jour férié, de nuit')}
    </FormFrame>
  )
}

interface GovernanceFormProps extends SectionProps<GovernanceDraft> {
  readonly categories: readonly Category[]
  readonly onAddQuota: () => void
  readonly onEditQuota: (index: number, patch: Partial<QuotaDraft>) => void
  readonly onRemoveQuota: (index: number) => void
}

/** The rules the council votes: minimum notice, longest loan, quotas per commune and category. */
export function GovernanceForm(p: GovernanceFormProps) {
  const { draft, errors, onChange } = p
  const options = (['equipment', 'vehicle', 'staff'] as const).flatMap((kind) =>
    categoryOptions(p.categories, kind),
  )
  return (
    <FormFrame
      id="settings-governance"
      title="Règles de gestion"
      subtitle="Votées par le conseil communautaire et vérifiées à chaque demande d’une commune ; une demande qui ne les respecte pas est refusée avec la règle en cause."
      validFromLabel="Règles applicables à partir du"
      {...frame(p)}
    >
      <Field
        id="settings-minNoticeDays"
        label="Délai de prévenance minimum"
        error={errors['governance.minNoticeDays']}
        hint="Jours entre la demande et le premier jour du prêt (42 = 6 semaines ; 0 : aucun)."
      >
        <NumberInput
          id="settings-minNoticeDays"
          value={draft.minNoticeDays}
          error={errors['governance.minNoticeDays']}
          hintId="settings-minNoticeDays-hint"
          suffix="jours"
          onChange={(minNoticeDays) => onChange({ minNoticeDays })}
        />
      </Field>
      <Field
        id="settings-maxLoanDays"
        label="Durée maximale d’un prêt"
        error={errors['governance.maxLoanDays']}
        hint="Jours du calendrier couverts, premier et dernier compris. Vide : pas de limite."
      >
        <NumberInput
          id="settings-maxLoanDays"
          value={draft.maxLoanDays}
          error={errors['governance.maxLoanDays']}
          hintId="settings-maxLoanDays-hint"
          suffix="jours"
          onChange={(maxLoanDays) => onChange({ maxLoanDays })}
        />
      </Field>
      <div aria-hidden="true" />
      <fieldset className="span-3 settings-quotas" data-testid="quota-rows">
        <legend className="rd-subtitle">Quotas par commune</legend>
        <p className="field__hint">
          Jours d’utilisation qu’une commune peut demander dans une catégorie (sous-catégories comprises) par
          mois ou par année civile : quantité × jours couverts (10 barnums pendant 2 jours = 20 jours).
        </p>
        {draft.quotas.length === 0 ? <p className="rd-muted">Aucun quota.</p> : null}
        {draft.quotas.map((quota, index) => {
          const n = index + 1
          const catError = errors[`governance.quotas.${index}.categoryId`]
          const daysError = errors[`governance.quotas.${index}.maxDays`]
          return (
            <div className="settings-quota" key={index} data-testid="quota-row">
              <Field id={`quota-category-${n}`} label={`Catégorie du quota n° ${n}`} error={catError}>
                <select
                  {...fieldA11y(`quota-category-${n}`, catError)}
                  value={quota.categoryId}
                  onChange={(e) => p.onEditQuota(index, { categoryId: e.target.value })}
                >
                  <option value="">Choisir…</option>
                  {options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.fullLabel}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={`quota-days-${n}`} label={`Jours au plus, quota n° ${n}`} error={daysError}>
                <NumberInput
                  id={`quota-days-${n}`}
                  value={quota.maxDays}
                  error={daysError}
                  suffix="jours"
                  onChange={(maxDays) => p.onEditQuota(index, { maxDays })}
                />
              </Field>
              <Field id={`quota-period-${n}`} label={`Période du quota n° ${n}`}>
                <select
                  id={`quota-period-${n}`}
                  value={quota.period}
                  onChange={(e) =>
                    p.onEditQuota(index, { period: e.target.value === 'year' ? 'year' : 'month' })
                  }
                >
                  <option value="month">par mois</option>
                  <option value="year">par année</option>
                </select>
              </Field>
              <button
                type="button"
                className="button button--small button--ghost-danger settings-quota__remove"
                aria-label={`Retirer le quota n° ${n}`}
                onClick={() => p.onRemoveQuota(index)}
              >
                Retirer
              </button>
            </div>
          )
        })}
        <div>
          <button type="button" className="button button--small" onClick={p.onAddQuota}>
            + Ajouter un quota
          </button>
        </div>
      </fieldset>
    </FormFrame>
  )
}
