import type { FormEvent, ReactNode } from 'react'
import type {
  Category,
  Commune,
  Condition,
  Hub,
  ResourceKind,
  Tracking,
} from '../../../../shared/domain/types'
import { conditions, resourceKinds } from '../../../../shared/domain/types'
import { CommuneSelect } from '../../components/CommuneSelect'
import { DateTextInput } from '../../components/DateTextInput'
import { Field, fieldA11y } from '../../components/Field'
import { Banner } from '../../components/Feedback'
import { ApprovalFields } from './ApprovalFields'
import { AreaField } from '../costs/AreaField'
import { conditionLabel, kindLabel } from '../../lib/labels'
import type { DraftTextField, ExpiryState, MeterUnit, QualificationDraft, ResourceDraft } from './model'
import {
  categoryOptions,
  draftLendable,
  draftQualificationState,
  formatCents,
  licenceCategories,
  parseEuros,
} from './model'
import type { ResourceEditor } from './store'

interface ResourceFormProps {
  readonly editor: ResourceEditor
  readonly categories: readonly Category[]
  readonly communes: readonly Commune[]
  readonly hubs: readonly Hub[]
  /** Today in Europe/Paris, `YYYY-MM-DD`, for the qualification states. */
  readonly today: string
  readonly onChange: (patch: Partial<ResourceDraft>) => void
  readonly onSubmit: () => void
}

/** The first error whose API path is this field or inside it (`qualifications.2`). */
function errorOf(errors: Readonly<Record<string, string>>, field: string): string | undefined {
  if (errors[field]) return errors[field]
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`))
  return key ? errors[key] : undefined
}

const expiryBadge: Record<ExpiryState, { label: string; className: string } | null> = {
  none: null,
  valid: { label: 'Valide', className: 'rform-expiry rform-expiry--valid' },
  expiring: { label: 'Expire bientôt', className: 'rform-expiry rform-expiry--expiring' },
  expired: { label: 'Expirée', className: 'rform-expiry rform-expiry--expired' },
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <fieldset className="rform-section">
      <legend className="rform-section__title">{title}</legend>
      <div className="form-grid">{children}</div>
    </fieldset>
  )
}

/** The resource form (create or edit); the fields shown depend on the kind. Display only. */
export function ResourceForm({
  editor,
  categories,
  communes,
  hubs,
  today,
  onChange,
  onSubmit,
}: ResourceFormProps) {
  const { draft, fieldErrors, mode } = editor
  const err = (field: string) => errorOf(fieldErrors, field)
  const options = categoryOptions(categories, draft.kind)
  const isStock = draft.kind === 'equipment' && draft.tracking === 'stock'
  const isUnitEquipment = draft.kind === 'equipment' && !isStock
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  const input = (
    field: DraftTextField,
    props: { type?: string; placeholder?: string; inputMode?: 'numeric' | 'decimal'; hintId?: string } = {},
  ) => (
    <input
      type={props.type ?? 'text'}
      inputMode={props.inputMode}
      {...fieldA11y(`resource-${field}`, err(field), props.hintId)}
      placeholder={props.placeholder}
      value={draft[field]}
      onChange={(e) => onChange({ [field]: e.target.value })}
    />
  )
  const money = (field: 'purchaseValueCents' | 'dailyRateCents', hintId?: string) => (
    <div className="rform-money">
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        {...fieldA11y(`resource-${field}`, err(field), hintId)}
        placeholder="0,00"
        value={draft[field]}
        onChange={(e) => onChange({ [field]: e.target.value })}
        onBlur={() => {
          const parsed = parseEuros(draft[field])
          if (parsed.ok && parsed.value !== null && formatCents(parsed.value) !== draft[field]) {
            onChange({ [field]: formatCents(parsed.value) })
          }
        }}
      />
      <span className="rform-money__unit" aria-hidden="true">
        €
      </span>
    </div>
  )
  const date = (field: 'purchaseDate' | 'nextInspectionDate') => (
    <DateTextInput
      id={`resource-${field}`}
      value={draft[field]}
      onChange={(value) => onChange({ [field]: value })}
      invalid={Boolean(err(field))}
      describedBy={err(field) ? `resource-${field}-error` : undefined}
    />
  )
  const unknownError = Object.keys(fieldErrors).some(
    (k) => !Object.keys(draft).some((field) => k === field || k.startsWith(`${field}.`)),
  )
  const setQualification = (index: number, patch: Partial<QualificationDraft>) =>
    onChange({
      qualifications: draft.qualifications.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    })
  const lendable = draftLendable(draft)
  const currentLicence =
    draft.licenceRequired !== '' && !(licenceCategories as readonly string[]).includes(draft.licenceRequired)
      ? draft.licenceRequired
      : null

  return (
    <form id="resource-form" className="form rform" onSubmit={submit} noValidate>
      {editor.formError ? (
        <Banner tone="error">
          <p>{editor.formError}</p>
          {unknownError ? (
            <ul>
              {Object.entries(fieldErrors).map(([path, message]) => (
                <li key={path}>{message}</li>
              ))}
            </ul>
          ) : null}
        </Banner>
      ) : null}

      <Section title="Identification">
        <Field id="resource-kind" label="Type" error={err('kind')}>
          <select
            {...fieldA11y('resource-kind', err('kind'))}
            value={draft.kind}
            disabled={mode === 'edit'}
            onChange={(e) => {
              const kind = e.target.value as ResourceKind
              onChange({
                kind,
                categoryId: '',
                tracking: kind === 'equipment' ? draft.tracking : 'unit',
                condition: kind === 'equipment' ? draft.condition || 'good' : '',
              })
            }}
          >
            {resourceKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="resource-name" label="Nom" error={err('name')} required className="span-2">
          {input('name', { placeholder: draft.kind === 'staff' ? 'Prénom Nom' : 'ex. Podium 6 × 4 m' })}
        </Field>
        <Field id="resource-categoryId" label="Catégorie" error={err('categoryId')}>
          <select
            {...fieldA11y('resource-categoryId', err('categoryId'))}
            value={draft.categoryId}
            onChange={(e) => onChange({ categoryId: e.target.value })}
          >
            <option value="">Sans catégorie</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.fullLabel}
              </option>
            ))}
          </select>
        </Field>

        {draft.kind === 'equipment' ? (
          <>
            <Field id="resource-tracking" label="Suivi" error={err('tracking')}>
              <select
                {...fieldA11y('resource-tracking', err('tracking'))}
                value={draft.tracking}
                disabled={mode === 'edit'}
                onChange={(e) => onChange({ tracking: e.target.value as Tracking })}
              >
                <option value="unit">À l'unité (objet identifié)</option>
                <option value="stock">En nombre (stock)</option>
              </select>
            </Field>
            <Field id="resource-inventoryNumber" label="N° d'inventaire" error={err('inventoryNumber')}>
              {input('inventoryNumber', { placeholder: 'ex. PTO-STR-005' })}
            </Field>
          </>
        ) : null}

        {isUnitEquipment ? (
          <>
            <Field id="resource-serialNumber" label="N° de série" error={err('serialNumber')}>
              {input('serialNumber')}
            </Field>
            <Field
              id="resource-condition"
              label="État"
              error={err('condition')}
              hint={
                draft.condition === 'out_of_service' ? 'Hors service : ne peut pas être réservé.' : undefined
              }
            >
              <select
                {...fieldA11y(
                  'resource-condition',
                  err('condition'),
                  draft.condition === 'out_of_service' ? 'resource-condition-hint' : undefined,
                )}
                value={draft.condition}
                onChange={(e) => onChange({ condition: e.target.value as Condition | '' })}
              >
                <option value="">Non renseigné</option>
                {conditions.map((c) => (
                  <option key={c} value={c}>
                    {conditionLabel(c)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id="resource-nextInspectionDate"
              label="Prochaine vérification (VGP)"
              error={err('nextInspectionDate')}
              hint="Levage et appareils à pression : dernier jour d’utilisation autorisé."
            >
              {date('nextInspectionDate')}
            </Field>
          </>
        ) : null}

        {draft.kind === 'vehicle' ? (
          <>
            <Field id="resource-plate" label="Immatriculation" error={err('plate')}>
              {input('plate', { placeholder: 'AB-123-CD' })}
            </Field>
            <Field id="resource-licenceRequired" label="Permis requis" error={err('licenceRequired')}>
              <select
                {...fieldA11y('resource-licenceRequired', err('licenceRequired'))}
                value={draft.licenceRequired}
                onChange={(e) => onChange({ licenceRequired: e.target.value })}
              >
                <option value="">Aucun</option>
                {currentLicence ? <option value={currentLicence}>{currentLicence}</option> : null}
                {licenceCategories.map((l) => (
                  <option key={l} value={l}>
                    Permis {l}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="resource-inventoryNumber" label="N° d'inventaire" error={err('inventoryNumber')}>
              {input('inventoryNumber')}
            </Field>
          </>
        ) : null}

        {draft.kind === 'staff' ? (
          <>
            <Field id="resource-homeCommuneId" label="Commune de rattachement" error={err('homeCommuneId')}>
              <CommuneSelect
                id="resource-homeCommuneId"
                communes={communes}
                hubs={hubs}
                value={draft.homeCommuneId}
                onChange={(homeCommuneId) => onChange({ homeCommuneId })}
                emptyLabel="Non rattaché"
                invalid={Boolean(err('homeCommuneId'))}
                describedBy={err('homeCommuneId') ? 'resource-homeCommuneId-error' : undefined}
              />
            </Field>
            <Field id="resource-weeklyHours" label="Heures par semaine" error={err('weeklyHours')}>
              {input('weeklyHours', { type: 'number' })}
            </Field>
          </>
        ) : null}
      </Section>

      {isStock ? (
        <Section title="Stock">
          <Field id="resource-quantity" label="Quantité en stock" error={err('quantity')} required>
            {input('quantity', { type: 'number' })}
          </Field>
          <Field
            id="resource-outOfServiceQuantity"
            label="Quantité hors service"
            error={err('outOfServiceQuantity')}
            hint="Cassées ou en réparation : jamais prêtées."
          >
            {input('outOfServiceQuantity', { type: 'number', hintId: 'resource-outOfServiceQuantity-hint' })}
          </Field>
          <div className="field">
            <span className="field__label">Prêtables</span>
            <output className="rform-lendable" htmlFor="resource-quantity resource-outOfServiceQuantity">
              {lendable === null ? '—' : lendable}
              <span className="rform-lendable__detail">= total − hors service</span>
            </output>
          </div>
        </Section>
      ) : null}

      {draft.kind === 'vehicle' ? (
        <Section title="Compteur et contrôle">
          <div className="field">
            <span className="field__label" id="resource-meterUnit-label">
              Compteur en
            </span>
            <div className="segmented" role="radiogroup" aria-labelledby="resource-meterUnit-label">
              {(
                [
                  ['km', 'Kilomètres'],
                  ['hours', 'Heures moteur'],
                ] as const satisfies readonly (readonly [MeterUnit, string])[]
              ).map(([unit, label]) => (
                <label
                  key={unit}
                  className={`segmented__option${draft.meterUnit === unit ? ' is-checked' : ''}`}
                >
                  <input
                    type="radio"
                    name="resource-meterUnit"
                    value={unit}
                    checked={draft.meterUnit === unit}
                    onChange={() => onChange({ meterUnit: unit })}
                  />
                  {label}
                </label>
              ))}
            </div>
          </div>
          {draft.meterUnit === 'km' ? (
            <Field id="resource-odometerKm" label="Compteur (km)" error={err('odometerKm')}>
              {input('odometerKm', { type: 'number' })}
            </Field>
          ) : (
            <Field id="resource-hourMeterHours" label="Compteur horaire (h)" error={err('hourMeterHours')}>
              {input('hourMeterHours', { type: 'number' })}
            </Field>
          )}
          <Field
            id="resource-nextInspectionDate"
            label="Prochain contrôle technique"
            error={err('nextInspectionDate')}
            hint="Dernier jour de circulation autorisé."
          >
            {date('nextInspectionDate')}
          </Field>
        </Section>
      ) : null}

      {draft.kind === 'staff' ? (
        <fieldset className="rform-section">
          <legend className="rform-section__title">Qualifications</legend>
          {draft.qualifications.length === 0 ? (
            <p className="rform-quals__empty">
              Aucune qualification. CACES, permis, habilitation électrique…
            </p>
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
                {draft.qualifications.map((row, index) => {
                  const n = index + 1
                  const nameId = `qualification-${index}-name`
                  const dateId = `qualification-${index}-expiresOn`
                  const nameError = err(`qualifications.${index}.name`)
                  const dateError = err(`qualifications.${index}.expiresOn`)
                  const state = draftQualificationState(row, today)
                  const badge = expiryBadge[state]
                  return (
                    <tr key={index} className={`rform-qual rform-qual--${state}`} data-state={state}>
                      <td>
                        <label htmlFor={nameId} className="visually-hidden">
                          Qualification n° {n}
                        </label>
                        <input
                          type="text"
                          {...fieldA11y(nameId, nameError)}
                          placeholder="ex. CACES R486 cat. B"
                          value={row.name}
                          onChange={(e) => setQualification(index, { name: e.target.value })}
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
                          onChange={(expiresOn) => setQualification(index, { expiresOn })}
                          invalid={Boolean(dateError)}
                          describedBy={dateError ? `${dateId}-error` : undefined}
                        />
                        {dateError ? (
                          <p className="field__error" id={`${dateId}-error`}>
                            {dateError}
                          </p>
                        ) : null}
                      </td>
                      <td className="nowrap">
                        {badge ? <span className={badge.className}>{badge.label}</span> : null}
                      </td>
                      <td className="actions-col">
                        <button
                          type="button"
                          className="button button--small button--ghost-danger"
                          aria-label={`Retirer la ligne n° ${n}`}
                          onClick={() =>
                            onChange({ qualifications: draft.qualifications.filter((_, i) => i !== index) })
                          }
                        >
                          Retirer
                        </button>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
          <div>
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                onChange({ qualifications: [...draft.qualifications, { name: '', expiresOn: '' }] })
              }
            >
              + Ajouter une qualification
            </button>
          </div>
          <p className="field__hint">En rouge : expirée ; en orange : expire dans les 60 jours.</p>
        </fieldset>
      ) : null}

      <Section title={draft.kind === 'staff' ? 'Tarif' : 'Achat et tarif'}>
        {draft.kind !== 'staff' ? (
          <>
            <Field id="resource-purchaseDate" label="Date d'achat" error={err('purchaseDate')}>
              {date('purchaseDate')}
            </Field>
            <Field id="resource-purchaseValueCents" label="Valeur d'achat" error={err('purchaseValueCents')}>
              {money('purchaseValueCents')}
            </Field>
          </>
        ) : null}
        <Field
          id="resource-dailyRateCents"
          label="Tarif journalier"
          error={err('dailyRateCents')}
          hint={`${isStock ? 'Par unité et par jour.' : 'Par jour de prêt.'} Autres tarifs (heure, m², prêt, caution) : fiche de la ressource.`}
        >
          {money('dailyRateCents', 'resource-dailyRateCents-hint')}
        </Field>
        <AreaField draft={draft} error={err('areaM2')} onChange={onChange} />
      </Section>

      <Section title="Prêt">
        <Field
          id="resource-bufferBeforeMinutes"
          label="Marge avant (min)"
          error={err('bufferBeforeMinutes')}
          hint="Préparation avant chaque prêt"
        >
          <input
            type="number"
            min={0}
            step={15}
            {...fieldA11y(
              'resource-bufferBeforeMinutes',
              err('bufferBeforeMinutes'),
              'resource-bufferBeforeMinutes-hint',
            )}
            value={draft.bufferBeforeMinutes}
            onChange={(e) => onChange({ bufferBeforeMinutes: e.target.value })}
          />
        </Field>
        <Field
          id="resource-bufferAfterMinutes"
          label="Marge après (min)"
          error={err('bufferAfterMinutes')}
          hint="Retour, transport, nettoyage"
        >
          <input
            type="number"
            min={0}
            step={15}
            {...fieldA11y(
              'resource-bufferAfterMinutes',
              err('bufferAfterMinutes'),
              'resource-bufferAfterMinutes-hint',
            )}
            value={draft.bufferAfterMinutes}
            onChange={(e) => onChange({ bufferAfterMinutes: e.target.value })}
          />
        </Field>
        <ApprovalFields draft={draft} errors={fieldErrors} onChange={onChange} />
        <Field id="resource-notes" label="Notes" error={err('notes')} className="span-3">
          <textarea
            rows={3}
            {...fieldA11y('resource-notes', err('notes'))}
            value={draft.notes}
            onChange={(e) => onChange({ notes: e.target.value })}
          />
        </Field>
      </Section>
    </form>
  )
}
