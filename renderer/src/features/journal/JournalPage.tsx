import type { FormEvent } from 'react'
import { useEffect, useMemo } from 'react'
import { DateTextInput } from '../../components/DateTextInput'
import { EmptyState, Loading, LoadError } from '../../components/Feedback'
import { Field, fieldA11y } from '../../components/Field'
import { byId, orderCommunes, useReference } from '../../stores/reference'
import { JournalList } from '../resource/DetailSections'
import type { JournalEntity, JournalFilters } from './model'
import { entityLabels, journalFilterErrors, journalPageLines } from './model'
import { useJournal } from './store'

/** Journal: every change, newest first, by date, person, resource, commune and kind. */
export function JournalPage() {
  const journal = useJournal()
  const communes = useReference((s) => s.communes)
  const categories = useReference((s) => s.categories)
  const resources = useReference((s) => s.resources)
  const { search, status } = journal
  const errors = journalFilterErrors(journal.filters)
  const resourcesById = useMemo(() => byId(resources), [resources])
  const lines = useMemo(
    () =>
      journalPageLines(
        journal.entries,
        { categoriesById: byId(categories), communesById: byId(communes) },
        resourcesById,
      ),
    [journal.entries, categories, communes, resourcesById],
  )
  const sortedResources = useMemo(
    () => [...resources].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    [resources],
  )
  const { served, others } = orderCommunes(communes)

  useEffect(() => {
    if (status === 'idle') void search()
  }, [status, search])

  const choose = (patch: Partial<JournalFilters>) => {
    journal.setFilters(patch)
    void search()
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void search()
  }

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <div>
          <h1 id="page-title">Journal</h1>
          <p className="page__subtitle">
            Qui a changé quoi, et quand : réservations, inventaire, indisponibilités, comptes.
          </p>
        </div>
      </header>

      <form className="card form" onSubmit={submit} noValidate aria-label="Filtres du journal">
        <div className="form-grid form-grid--search">
          <Field id="journal-from" label="Premier jour" error={errors.from}>
            <DateTextInput
              id="journal-from"
              value={journal.filters.from}
              onChange={(from) => journal.setFilters({ from })}
              invalid={Boolean(errors.from)}
            />
          </Field>
          <Field id="journal-to" label="Dernier jour" error={errors.to}>
            <DateTextInput
              id="journal-to"
              value={journal.filters.to}
              onChange={(to) => journal.setFilters({ to })}
              invalid={Boolean(errors.to)}
            />
          </Field>
          <Field id="journal-actor" label="Personne">
            <select
              {...fieldA11y('journal-actor', undefined)}
              value={journal.filters.actor}
              onChange={(e) => choose({ actor: e.target.value })}
            >
              <option value="">Toutes</option>
              {journal.actors.map((actor) => (
                <option key={actor} value={actor}>
                  {actor}
                </option>
              ))}
            </select>
          </Field>
          <Field id="journal-resource" label="Ressource">
            <select
              {...fieldA11y('journal-resource', undefined)}
              value={journal.filters.resourceId}
              onChange={(e) => choose({ resourceId: e.target.value })}
            >
              <option value="">Toutes</option>
              {sortedResources.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                  {r.archived ? ' (archivée)' : ''}
                </option>
              ))}
            </select>
          </Field>
          <Field id="journal-commune" label="Commune">
            <select
              {...fieldA11y('journal-commune', undefined)}
              value={journal.filters.communeId}
              onChange={(e) => choose({ communeId: e.target.value })}
            >
              <option value="">Toutes</option>
              {[...served, ...others].map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="journal-entity" label="Type de changement">
            <select
              {...fieldA11y('journal-entity', undefined)}
              value={journal.filters.entity}
              onChange={(e) => choose({ entity: e.target.value as '' | JournalEntity })}
            >
              <option value="">Tous</option>
              {Object.entries(entityLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            Filtrer
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              journal.reset()
              void search()
            }}
          >
            Effacer les filtres
          </button>
        </div>
      </form>

      {status === 'error' ? <LoadError message={journal.error ?? ''} onRetry={() => void search()} /> : null}
      <section
        className="card"
        aria-label="Entrées du journal"
        data-testid="journal-page"
        data-status={status}
      >
        {status === 'loading' && lines.length === 0 ? <Loading label="Lecture du journal…" /> : null}
        {status === 'ready' && lines.length === 0 ? (
          <EmptyState title="Aucun changement pour ces filtres">
            Élargissez la période ou choisissez « Toutes ».
          </EmptyState>
        ) : null}
        {lines.length > 0 ? <JournalList lines={lines} /> : null}
        {journal.next !== null ? (
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={status === 'loading'}
              onClick={() => void journal.more()}
            >
              Entrées plus anciennes
            </button>
          </div>
        ) : null}
      </section>
    </section>
  )
}
