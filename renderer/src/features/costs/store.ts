/**
 * State of the Refacturation page: the period and commune chosen, the cost report (`reports.costs`),
 * the statements issued (`statements.list`), the statement awaiting confirmation and its issue
 * (`statements.issue`), and the downloads (`statements.export`, PDF or XLSX).
 */
import { create } from 'zustand'
import type { CommuneCosts, CostReport, Statement, StatementSummary } from '../../../../shared/domain/costs'
import { api } from '../../api'
import { todayLocalDate } from '../../lib/dates'
import { downloadBase64 } from '../../lib/files'
import { downloadPdf } from '../calendar/files'
import { periodContaining, type ReportPeriod } from './period'

export type ExportFormat = 'pdf' | 'xlsx'

interface CostsState {
  readonly period: ReportPeriod
  /** '' for every commune. */
  readonly communeId: string
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly error: string | null
  readonly report: CostReport | null
  readonly statements: readonly StatementSummary[]
  /** The commune whose statement awaits confirmation. */
  readonly confirming: CommuneCosts | null
  readonly issuing: boolean
  /** Why the backend refused the statement (shown in the dialog). */
  readonly issueError: string | null
  /** The statement just issued (success banner with its downloads). */
  readonly issued: Statement | null
  /** `<statement id>:<format>` of the downloads under way. */
  readonly downloading: ReadonlySet<string>
  /** Error of a download, in French. */
  readonly downloadError: string | null
  readonly setPeriod: (period: ReportPeriod) => void
  readonly setCommune: (communeId: string) => void
  /** Loads the report of the period (and commune) and the statements. */
  readonly load: () => Promise<void>
  readonly askIssue: (commune: CommuneCosts | null) => void
  /** Issues the statement under confirmation; resolves to true when the backend stored it. */
  readonly issue: () => Promise<boolean>
  readonly download: (statement: Pick<StatementSummary, 'id'>, format: ExportFormat) => Promise<void>
  readonly dismissIssued: () => void
  readonly dismissDownloadError: () => void
}

export const useCosts = create<CostsState>()((set, get) => ({
  period: periodContaining(todayLocalDate(), 'month'),
  communeId: '',
  status: 'idle',
  error: null,
  report: null,
  statements: [],
  confirming: null,
  issuing: false,
  issueError: null,
  issued: null,
  downloading: new Set(),
  downloadError: null,
  setPeriod: (period) => {
    set({ period, issued: null })
    void get().load()
  },
  setCommune: (communeId) => {
    set({ communeId, issued: null })
    void get().load()
  },
  load: async () => {
    const { period, communeId } = get()
    set({ status: 'loading', error: null })
    const [report, statements] = await Promise.all([
      api.reports.costs({ from: period.from, to: period.to, ...(communeId ? { communeId } : {}) }),
      api.statements.list(communeId ? { communeId } : {}),
    ])
    // A newer choice was made meanwhile: its own load shows its data.
    if (get().period !== period || get().communeId !== communeId) return
    if (!report.ok) return set({ status: 'error', error: report.error.message })
    if (!statements.ok) return set({ status: 'error', error: statements.error.message })
    set({ status: 'ready', report: report.value, statements: statements.value })
  },
  askIssue: (commune) => set({ confirming: commune, issueError: null }),
  issue: async () => {
    const commune = get().confirming
    const { period } = get()
    if (!commune) return false
    set({ issuing: true, issueError: null })
    const result = await api.statements.issue({
      communeId: commune.communeId,
      from: period.from,
      to: period.to,
    })
    if (!result.ok) {
      set({ issuing: false, issueError: result.error.message })
      return false
    }
    set({ issuing: false, confirming: null, issued: result.value })
    await get().load()
    return true
  },
  download: async (statement, format) => {
    const key = `${statement.id}:${format}`
    set((s) => ({ downloading: new Set([...s.downloading, key]), downloadError: null }))
    const result = await api.statements.export({ id: statement.id, format })
    set((s) => ({ downloading: new Set([...s.downloading].filter((k) => k !== key)) }))
    if (!result.ok) return set({ downloadError: result.error.message })
    if (format === 'pdf') downloadPdf(result.value)
    else downloadBase64(result.value.fileName, result.value.contentBase64)
  },
  dismissIssued: () => set({ issued: null }),
  dismissDownloadError: () => set({ downloadError: null }),
}))
