/**
 * The lifecycle sections of the booking form, wired to the form's and the series' stores: whether the
 * hub must approve the request, the qualified operator, delivery and pick-up, and « Répéter ».
 */
import { useMemo, useState } from 'react'
import type { Resource } from '../../../../shared/domain/types'
import { Banner } from '../../components/Feedback'
import { periodToApi } from '../../lib/period'
import { byId, useReference } from '../../stores/reference'
import { DeliveryFields } from './DeliveryFields'
import { useBookingForm } from './formStore'
import { approvalResources, draftQualificationIssues, qualificationNeeds } from './lifecycle'
import { QualificationSection } from './QualificationSection'
import { addException, repeatDescription, startRepeat } from './repeat'
import { RepeatSection } from './RepeatSection'
import { useSeries } from './seriesStore'
import '../booking/booking.css'

const byName = (a: Resource, b: Resource) => a.name.localeCompare(b.name, 'fr')

/** « Cette demande devra être validée… » above the buttons, when a chosen resource requires it. */
export function ApprovalNotice() {
  const items = useBookingForm((s) => s.draft.items)
  const resources = useReference((s) => s.resources)
  const needing = useMemo(() => approvalResources(items, byId(resources)), [items, resources])
  if (needing.length === 0) return null
  return (
    <div data-testid="approval-notice">
      <Banner tone="info">
        <p>
          Cette demande devra être acceptée par le pôle technique (
          {needing.map((r) => `« ${r.name} »`).join(', ')} : soumis à validation). Elle restera « demandée »
          jusqu’à sa validation ; le pôle traite les demandes dans l’ordre d’arrivée.
        </p>
      </Banner>
    </div>
  )
}

export function FormExtras() {
  const form = useBookingForm()
  const series = useSeries()
  const resources = useReference((s) => s.resources)
  const [exceptionError, setExceptionError] = useState<string | null>(null)
  const resourcesById = useMemo(() => byId(resources), [resources])
  const active = useMemo(() => resources.filter((r) => !r.archived).sort(byName), [resources])
  const { draft, fieldErrors } = form
  const range = periodToApi(draft.period)
  const needs = qualificationNeeds(draft.items, resourcesById)
  const live = useMemo(
    () => draftQualificationIssues(range, draft.items, draft.operator, resourcesById),
    // `range` is rebuilt each render from `draft.period`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draft.period, draft.items, draft.operator, resourcesById],
  )
  const refused = form.qualificationIssues.length > 0
  const issues = refused ? form.qualificationIssues : (live?.issues ?? [])
  const chosenIds = new Set(draft.items.map((i) => i.resourceId))

  return (
    <>
      <QualificationSection
        needs={needs}
        issues={issues}
        refused={refused}
        lastDay={live?.lastDay ?? null}
        resources={active}
        chosenIds={chosenIds}
        operator={draft.operator}
        errors={fieldErrors}
        onAddAgent={form.addResource}
        onOperator={form.setOperator}
      />
      <DeliveryFields
        delivery={draft.delivery}
        vehicles={active.filter((r) => r.kind === 'vehicle')}
        agents={active.filter((r) => r.kind === 'staff')}
        errors={fieldErrors}
        disabledReason={
          draft.repeat.enabled
            ? 'Une série ne prévoit pas de livraison : demandez-la pour chaque date.'
            : null
        }
        onChange={form.setDelivery}
      />
      <RepeatSection
        repeat={draft.repeat}
        errors={fieldErrors}
        exceptionError={exceptionError}
        description={repeatDescription(draft.repeat, range?.start.slice(0, 10) ?? null)}
        preview={series.preview}
        stale={series.previewDraft !== null && series.previewDraft !== draft}
        loading={series.status === 'loading'}
        creating={series.creating}
        seriesError={series.error}
        onChange={(patch) => {
          if (patch.exceptionText !== undefined) setExceptionError(null)
          form.setRepeat(patch)
        }}
        onToggle={(enabled) =>
          form.setRepeat(
            enabled ? startRepeat(draft.repeat, range?.start.slice(0, 10) ?? null) : { enabled: false },
          )
        }
        onAddException={() => {
          const next = addException(draft.repeat)
          setExceptionError(next.error)
          if (!next.error) form.setRepeat(next.draft)
        }}
        onPreview={() => void series.previewSeries()}
        onCreate={() => void series.createSeries()}
      />
    </>
  )
}
