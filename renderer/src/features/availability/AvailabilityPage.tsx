import type { FormEvent } from 'react'
import { useMemo } from 'react'
import type { FreeResource } from '../../../../shared/domain/types'
import { resourceKinds } from '../../../../shared/domain/types'
import { Field, fieldA11y } from '../../components/Field'
import { EmptyState, Loading, LoadError } from '../../components/Feedback'
import { PeriodInput } from '../../components/PeriodInput'
import { describePeriod, periodToApi } from '../../lib/period'
import { navigate } from '../../stores/navigation'
import { byId, useReference } from '../../stores/reference'
import { periodErrors } from '../bookings/model'
import { useBookingForm } from '../bookings/formStore'
import { categoryOptions } from '../inventory/model'
import { FreeResourceTable } from './FreeResourceTable'
import { matchingResources } from './model'
import { useAvailability } from './store'
import { Suggestions } from './Suggestions'
import { KindSelect } from '../../components/KindSelect'

/** Disponibilités: what is free for a period, and a shortcut to book it. */
export function AvailabilityPage() {
  const categories = useReference((s) => s.categories)
  const resources = useReference((s) => s.resources)
  const av = useAvailability()
  const prefill = useBookingForm((s) => s.prefill)
  const categoriesById = useMemo(() => byId(categories), [categories])
  const options = useMemo(
    () =>
      av.kind
        ? categoryOptions(categories, av.kind)
        : resourceKinds.flatMap((k) => categoryOptions(categories, k)),
    [categories, av.kind],
  )

  // The resources that can be searched one by one: those of the kind and category chosen.
  const resourceOptions = useMemo(
    () => matchingResources(resources, categories, av.kind, av.categoryId),
    [resources, categories, av.kind, av.categoryId],
  )
  const searchedRange = av.searchedPeriod ? periodToApi(av.searchedPeriod) : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void av.search()
  }
  const book = (resource: FreeResource) => {
    const period = av.searchedPeriod ?? av.period
    const wanted = Number(av.quantity) || 1
    prefill(period, resource.id, resource.tracking === 'stock' ? Math.min(wanted, resource.freeQuantity) : 1)
    navigate('reservations')
  }

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <div>
          <h1 id="page-title">Disponibilités</h1>
          <p className="page__subtitle">
            Ce qui est libre sur toute une période, marges de préparation comprises.
          </p>
        </div>
      </header>

      <form className="card form" onSubmit={submit} noValidate aria-label="Recherche de disponibilités">
        <PeriodInput
          idPrefix="find"
          value={av.period}
          onChange={av.setPeriod}
          errors={periodErrors(av.fieldErrors)}
        />
        <div className="form-grid form-grid--search">
          <Field id="find-kind" label="Type de ressource">
            <KindSelect id="find-kind" value={av.kind} onChange={av.setKind} />
          </Field>
          <Field id="find-category" label="Catégorie" error={av.fieldErrors.categoryId}>
            <select
              {...fieldA11y('find-category', av.fieldErrors.categoryId)}
              value={av.categoryId}
              onChange={(e) => av.setCategoryId(e.target.value)}
            >
              <option value="">Toutes les catégories</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.fullLabel}
                </option>
              ))}
            </select>
          </Field>
          <Field id="find-resource" label="Ressource recherchée" error={av.fieldErrors.resourceId}>
            <select
              {...fieldA11y('find-resource', av.fieldErrors.resourceId)}
              value={av.resourceId}
              onChange={(e) => av.setResourceId(e.target.value)}
            >
              <option value="">Toutes celles du type et de la catégorie</option>
              {resourceOptions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="find-quantity"
            label="Quantité souhaitée"
            error={av.fieldErrors.quantity}
            hint="Pour le matériel en nombre"
          >
            <input
              type="number"
              min={1}
              {...fieldA11y('find-quantity', av.fieldErrors.quantity, 'find-quantity-hint')}
              value={av.quantity}
              placeholder="1"
              onChange={(e) => av.setQuantity(e.target.value)}
            />
          </Field>
          <div className="form-grid__action">
            <button type="submit" className="button button--primary" disabled={av.status === 'loading'}>
              Rechercher
            </button>
          </div>
        </div>
      </form>

      <section
        className="card"
        aria-label="Ressources libres"
        data-testid="availability-results"
        data-status={av.status}
      >
        {av.status === 'idle' ? (
          <EmptyState title="Choisissez une période puis lancez la recherche.">
            <p>
              La liste montre les ressources libres pendant toute la période, avec la quantité libre pour les
              stocks.
            </p>
          </EmptyState>
        ) : null}
        {av.status === 'loading' ? <Loading label="Recherche des ressources libres…" /> : null}
        {av.status === 'error' && av.error ? (
          <LoadError message={av.error} onRetry={() => void av.search()} />
        ) : null}
        {av.status === 'ready' && av.results.length === 0 ? (
          <EmptyState
            title={
              av.searchedResource
                ? `« ${av.searchedResource.name} » n’est pas libre sur cette période.`
                : 'Aucune ressource libre sur cette période avec ces critères.'
            }
          >
            <p>
              Choisissez une des périodes proches ci-dessous, une quantité plus petite ou une autre ressource.
            </p>
          </EmptyState>
        ) : null}
        {av.status === 'ready' && av.searchedPeriod && searchedRange ? (
          <Suggestions
            status={av.suggestStatus}
            error={av.suggestError}
            suggestions={av.suggestions}
            notice={
              av.searchedResource
                ? `« ${av.searchedResource.name} » n’est pas libre ${describePeriod(av.searchedPeriod)}.`
                : `Rien de ce qui est cherché n’est libre ${describePeriod(av.searchedPeriod)}.`
            }
            requestedStart={searchedRange.start}
            showResources={!av.searchedResource}
            onPick={(suggestion) => void av.applySuggestion(suggestion)}
          />
        ) : null}
        {av.status === 'ready' && av.results.length > 0 ? (
          <>
            <p className="card__subtitle">
              {av.results.length} ressource{av.results.length > 1 ? 's' : ''} libre
              {av.results.length > 1 ? 's' : ''}
              {av.searchedPeriod ? ` ${describePeriod(av.searchedPeriod)}` : ''}
            </p>
            <FreeResourceTable resources={av.results} categoriesById={categoriesById} onBook={book} />
          </>
        ) : null}
      </section>
    </section>
  )
}
