/**
 * « Répéter » of the booking form: the preview of a series (`series.preview`: each occurrence with
 * what stands in its way) and its creation (`series.create`, stopping at the first conflict or
 * skipping the occurrences in conflict). The draft lives in the form's store and is kept whatever
 * the backend answers; it is cleared only once the series is stored.
 */
import { create } from 'zustand'
import type { SeriesCreated, SeriesPreview } from '../../../../shared/domain/lifecycle'
import { api } from '../../api'
import { formMessage, issuesByPath } from '../../lib/apiErrors'
import { byId, useReference } from '../../stores/reference'
import { useBookingForm } from './formStore'
import { qualificationIssuesOf } from './lifecycle'
import type { BookingDraft } from './model'
import { draftToSeriesInput, mapIssuePaths, missingFields } from './model'

export type PreviewStatus = 'idle' | 'loading' | 'ready' | 'error'

interface SeriesState {
  readonly status: PreviewStatus
  readonly preview: SeriesPreview | null
  /** The draft the preview was made for: once the draft changes, the preview is out of date. */
  readonly previewDraft: BookingDraft | null
  readonly error: string | null
  readonly creating: boolean
  readonly created: SeriesCreated | null
  readonly requestId: string | null
  readonly requestDraft: BookingDraft | null
  readonly previewSeries: () => Promise<void>
  readonly createSeries: () => Promise<SeriesCreated | null>
  readonly dismissCreated: () => void
}

/** Rule issues from the API (`rule`, `exceptionDates.0`) are shown under the repeat section. */
function seriesIssueFields(
  issues: Readonly<Record<string, string>>,
  draft: BookingDraft,
): Record<string, string> {
  const mapped: Record<string, string> = {}
  const rest: Record<string, string> = {}
  for (const [path, message] of Object.entries(issues)) {
    if (path === 'rule' || path.startsWith('exceptionDates')) mapped['repeat.rule'] ??= message
    else rest[path] = message
  }
  return { ...mapIssuePaths(rest, draft.period), ...mapped }
}

const seriesFieldPattern =
  /^(communeId|title|start|end|notes|rule|exceptionDates(\.\d+)?|items(\.\d+(\.(quantity|resourceId))?)?)$/

/** Checks the draft as the form does; false (with the messages shown) when something is missing. */
function checkDraft(draft: BookingDraft): boolean {
  const missing = missingFields(draft)
  if (Object.keys(missing).length === 0) return true
  useBookingForm.setState({
    fieldErrors: missing,
    formError: 'Complétez les champs signalés avant de continuer.',
  })
  return false
}

export const useSeries = create<SeriesState>()((set, get) => ({
  status: 'idle',
  preview: null,
  previewDraft: null,
  error: null,
  creating: false,
  created: null,
  requestId: null,
  requestDraft: null,

  previewSeries: async () => {
    const draft = useBookingForm.getState().draft
    set({ created: null })
    if (!checkDraft(draft)) return
    set({ status: 'loading', error: null })
    const input = draftToSeriesInput(draft, byId(useReference.getState().resources))
    const result = await api.series.preview(input)
    if (!result.ok) {
      useBookingForm.setState({ fieldErrors: seriesIssueFields(issuesByPath(result.error), draft) })
      set({
        status: 'error',
        preview: null,
        previewDraft: null,
        error: formMessage(result.error, (path) => seriesFieldPattern.test(path)),
      })
      return
    }
    set({ status: 'ready', preview: result.value, previewDraft: draft, error: null })
  },

  createSeries: async () => {
    const state = get()
    const draft = useBookingForm.getState().draft
    if (state.creating || !checkDraft(draft)) return null
    const requestId = state.requestDraft === draft && state.requestId ? state.requestId : crypto.randomUUID()
    set({ creating: true, error: null, requestId, requestDraft: draft })
    const input = draftToSeriesInput(draft, byId(useReference.getState().resources))
    const result = await api.series.create({
      ...input,
      onConflict: draft.repeat.onConflict,
      clientRequestId: requestId,
    })
    if (!result.ok) {
      const issues = qualificationIssuesOf(result.error)
      useBookingForm.setState({
        qualificationIssues: issues,
        fieldErrors: issues.length > 0 ? {} : seriesIssueFields(issuesByPath(result.error), draft),
      })
      const message = formMessage(result.error, (path) => seriesFieldPattern.test(path))
      set({ creating: false, error: message })
      // The occurrences may have changed meanwhile: show them as they stand now, under the refusal.
      if (result.error.code === 'CONFLICT') {
        await get().previewSeries()
        set({ error: message })
      }
      return null
    }
    useBookingForm.getState().clear()
    set({
      creating: false,
      created: result.value,
      status: 'idle',
      preview: null,
      previewDraft: null,
      requestId: null,
      requestDraft: null,
    })
    return result.value
  },

  dismissCreated: () => set({ created: null }),
}))
