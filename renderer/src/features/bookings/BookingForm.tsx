import type { FormEvent, ReactNode } from 'react'
import type { Commune, Hub, Resource } from '../../../../shared/domain/types'
import { resourceKinds } from '../../../../shared/domain/types'
import { CommuneSelect } from '../../components/CommuneSelect'
import { Field, fieldA11y } from '../../components/Field'
import { Banner } from '../../components/Feedback'
import { PeriodInput } from '../../components/PeriodInput'
import { kindLabel, kindPluralLabel } from '../../lib/labels'
import type { PeriodValue } from '../../lib/period'
import type { BookingDraft, BookingFieldErrors } from './model'
import { periodErrors } from './model'

interface BookingFormProps {
  readonly draft: BookingDraft
  readonly pick: string
  readonly fieldErrors: BookingFieldErrors
  readonly formError: string | null
  readonly submitting: boolean
  readonly communes: readonly Commune[]
  readonly hubs: readonly Hub[]
  /** Bookable resources (not archived), sorted. */
  readonly resources: readonly Resource[]
  readonly resourcesById: ReadonlyMap<string, Resource>
  readonly onCommune: (communeId: string) => void
  readonly onTitle: (title: string) => void
  readonly onPeriod: (period: PeriodValue) => void
  readonly onNotes: (notes: string) => void
  readonly onPick: (resourceId: string) => void
  readonly onAddPicked: () => void
  readonly onQuantity: (index: number, quantity: string) => void
  readonly onRemove: (index: number) => void
  readonly onSubmit: () => void
  readonly onClear: () => void
  /** Shown above the buttons, e.g. the reference of the booking just stored. */
  readonly notice?: ReactNode
  /** Sections after the resources (operator, delivery, repetition). */
  readonly extraSections?: ReactNode
  /** Text of the submit button (`Réserver` by default). */
  readonly submitLabel?: string
}

const numberFr = new Intl.NumberFormat('fr-FR')

/** The booking request form. Display only: values and errors come from the caller's store. */
export function BookingForm(props: BookingFormProps) {
  const { draft, fieldErrors: errors, resourcesById } = props
  const chosen = new Set(draft.items.map((i) => i.resourceId))
  const pickable = props.resources.filter((r) => !chosen.has(r.id))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onSubmit()
  }
  const itemsError = errors.items

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="booking-form-title">
      <h2 id="booking-form-title" className="card__title">
        Nouvelle demande
      </h2>

      <div className="form-grid form-grid--2">
        <Field id="booking-commune" label="Commune" error={errors.communeId} required>
          <CommuneSelect
            id="booking-commune"
            communes={props.communes}
            hubs={props.hubs}
            value={draft.communeId}
            onChange={props.onCommune}
            emptyLabel="Choisir la commune…"
            servedOnly
            invalid={Boolean(errors.communeId)}
            describedBy={errors.communeId ? 'booking-commune-error' : undefined}
          />
        </Field>
        <Field id="booking-title" label="Objet" error={errors.title} required>
          <input
            type="text"
            {...fieldA11y('booking-title', errors.title)}
            placeholder="ex. Fête de la musique, vide-grenier…"
            value={draft.title}
            onChange={(e) => props.onTitle(e.target.value)}
          />
        </Field>
      </div>

      <PeriodInput
        idPrefix="booking"
        value={draft.period}
        onChange={props.onPeriod}
        errors={periodErrors(errors)}
      />

      <fieldset className="items">
        <legend className="period__legend">Ressources demandées</legend>
        {draft.items.length > 0 ? (
          <table className="table table--compact items__table">
            <thead>
              <tr>
                <th scope="col">Ressource</th>
                <th scope="col">Quantité</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.items.map((item, index) => {
                const resource = resourcesById.get(item.resourceId)
                const name = resource?.name ?? 'Ressource inconnue'
                const qtyId = `booking-item-${index}-quantity`
                const qtyError = errors[`items.${index}.quantity`] ?? errors[`items.${index}`]
                const rowError = errors[`items.${index}.resourceId`]
                return (
                  <tr key={item.resourceId}>
                    <th scope="row" className="cell-name">
                      {name}
                      <div className="cell-sub">
                        {resource ? kindLabel(resource.kind) : null}
                        {resource?.tracking === 'stock'
                          ? ` · stock de ${numberFr.format(resource.quantity)}`
                          : null}
                      </div>
                      {rowError ? <p className="field__error">{rowError}</p> : null}
                    </th>
                    <td className="items__qty">
                      {resource?.tracking === 'stock' ? (
                        <>
                          <label htmlFor={qtyId} className="visually-hidden">
                            Quantité de {name}
                          </label>
                          <input
                            type="number"
                            min={1}
                            max={resource.quantity}
                            className="input--qty"
                            {...fieldA11y(qtyId, qtyError)}
                            value={item.quantity}
                            onChange={(e) => props.onQuantity(index, e.target.value)}
                          />
                          <span className="items__of">/ {numberFr.format(resource.quantity)}</span>
                          {qtyError ? (
                            <p className="field__error" id={`${qtyId}-error`}>
                              {qtyError}
                            </p>
                          ) : null}
                        </>
                      ) : (
                        <span className="items__unit">1</span>
                      )}
                    </td>
                    <td className="actions-col">
                      <button
                        type="button"
                        className="button button--small button--ghost-danger"
                        aria-label={`Retirer ${name}`}
                        onClick={() => props.onRemove(index)}
                      >
                        Retirer
                      </button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        ) : (
          <p className="items__empty">Aucune ressource pour l’instant : choisissez-en une ci-dessous.</p>
        )}
        <div className="items__add">
          <Field id="booking-pick" label="Ressource à ajouter" error={itemsError}>
            <select
              {...fieldA11y('booking-pick', itemsError)}
              value={props.pick}
              onChange={(e) => props.onPick(e.target.value)}
            >
              <option value="">Choisir une ressource…</option>
              {resourceKinds.map((kind) => {
                const ofKind = pickable.filter((r) => r.kind === kind)
                return ofKind.length > 0 ? (
                  <optgroup key={kind} label={kindPluralLabel(kind)}>
                    {ofKind.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name}
                      </option>
                    ))}
                  </optgroup>
                ) : null
              })}
            </select>
          </Field>
          <button type="button" className="button" disabled={!props.pick} onClick={props.onAddPicked}>
            Ajouter
          </button>
        </div>
      </fieldset>

      {props.extraSections}

      <Field id="booking-notes" label="Notes" error={errors.notes}>
        <textarea
          rows={2}
          {...fieldA11y('booking-notes', errors.notes)}
          placeholder="Lieu de livraison, contact sur place, horaires de retrait…"
          value={draft.notes}
          onChange={(e) => props.onNotes(e.target.value)}
        />
      </Field>

      {props.formError || errors.form ? (
        <Banner tone="error">
          {props.formError ? <p>{props.formError}</p> : null}
          {errors.form ? <p>{errors.form}</p> : null}
        </Banner>
      ) : null}
      {props.notice}
      <div className="form-actions">
        <button type="button" className="button button--quiet" onClick={props.onClear}>
          Tout effacer
        </button>
        <button type="submit" className="button button--primary" disabled={props.submitting}>
          {props.submitting ? 'Envoi…' : (props.submitLabel ?? 'Réserver')}
        </button>
      </div>
    </form>
  )
}
