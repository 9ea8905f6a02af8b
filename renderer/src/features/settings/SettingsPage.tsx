import { useEffect, useMemo } from 'react'
import { countingRulesFr } from '../../../../shared/costs/rules'
import { formatInstantFr } from '../../../../shared/time'
import { Banner, Loading, LoadError } from '../../components/Feedback'
import { todayLocalDate } from '../../lib/dates'
import { byId, useReference } from '../../stores/reference'
import { useCan } from '../accounts/session'
import { categoryPath } from '../inventory/categories'
import { countingExamples } from './examples'
import { previewSettings, versionRows } from './model'
import { RulesCard, VersionsCard } from './RulesCard'
import { GovernanceForm, HourlyForm, SurchargeForm } from './SettingsForms'
import { useSettings } from './store'
import './settings.css'

/**
 * Paramètres (`#/parametres`): the hub's hourly rates, the agents' surcharge bands and the rules the
 * council votes, each from its own date; the counting rules with live examples; the history.
 */
export function SettingsPage() {
  const s = useSettings()
  const load = s.load
  const canEdit = useCan('settings.update')
  const categories = useReference((r) => r.categories)
  const categoriesById = useMemo(() => byId(categories), [categories])
  useEffect(() => {
    void load()
  }, [load])

  const current = s.state?.current ?? null
  const preview = useMemo(
    () => (current && s.drafts ? previewSettings(current, s.drafts) : null),
    [current, s.drafts],
  )
  const rules = useMemo(() => (preview ? countingRulesFr(preview) : []), [preview])
  const examples = useMemo(() => (preview ? countingExamples(preview) : []), [preview])
  const versions = useMemo(
    () =>
      s.state
        ? versionRows(
            s.state,
            todayLocalDate(),
            (id) => categoryPath(categoriesById, id) ?? 'Catégorie supprimée',
            (iso) => formatInstantFr(Date.parse(iso)),
          )
        : [],
    [s.state, categoriesById],
  )

  return (
    <section className="page settings-page" aria-labelledby="page-title" data-testid="settings-page">
      <header className="page__header">
        <div>
          <h1 id="page-title">Paramètres</h1>
          <p className="page__subtitle">
            Taux horaires, majorations et règles votées par le conseil communautaire. Chaque modification
            s’applique à partir de la date choisie ; les relevés déjà émis ne changent pas.
          </p>
        </div>
      </header>

      {s.notice ? (
        <Banner tone="success" onDismiss={s.dismissNotice}>
          <span data-testid="settings-saved">{s.notice}</span>
        </Banner>
      ) : null}
      {!canEdit ? (
        <Banner tone="info">Consultation seulement : seul le pôle technique modifie ces paramètres.</Banner>
      ) : null}

      {s.status === 'error' && s.error ? (
        <LoadError message={s.error} onRetry={() => void load()} />
      ) : !s.drafts || !s.state ? (
        <Loading label="Chargement des paramètres…" />
      ) : (
        <>
          <div className="settings-grid">
            <HourlyForm
              draft={s.drafts.hourly}
              errors={s.errors.hourly}
              formError={s.formError.hourly}
              readOnly={!canEdit}
              saving={s.saving === 'hourly'}
              onChange={s.editHourly}
              onSubmit={() => void s.save('hourly')}
              onReset={() => s.reset('hourly')}
            />
            <SurchargeForm
              draft={s.drafts.surcharges}
              errors={s.errors.surcharges}
              formError={s.formError.surcharges}
              readOnly={!canEdit}
              saving={s.saving === 'surcharges'}
              onChange={s.editSurcharges}
              onSubmit={() => void s.save('surcharges')}
              onReset={() => s.reset('surcharges')}
            />
          </div>
          <GovernanceForm
            draft={s.drafts.governance}
            errors={s.errors.governance}
            formError={s.formError.governance}
            readOnly={!canEdit}
            saving={s.saving === 'governance'}
            categories={categories}
            onChange={s.editGovernance}
            onAddQuota={s.addQuota}
            onEditQuota={s.editQuota}
            onRemoveQuota={s.removeQuota}
            onSubmit={() => void s.save('governance')}
            onReset={() => s.reset('governance')}
          />
          <RulesCard rules={rules} examples={examples} />
          <VersionsCard rows={versions} />
        </>
      )}
    </section>
  )
}
