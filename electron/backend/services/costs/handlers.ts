/**
 * Handlers of cost sharing and governance (issue 7), merged into the backend's handler map by
 * electron/backend/handlers.ts.
 */
import type { HandlerMap } from '../../handlers'
import { confirmDamage, listDamages, pendingDamages } from './damages'
import { getDeposit, listDeposits, recordDeposit } from './deposits'
import { listRates, setRate } from './rates'
import { costReport } from './report'
import { getHubSettings, updateHubSettings } from './settings'
import { exportStatement, getStatement, issueStatement, listStatements } from './statements'
import { usageReport } from './usage'

type CostMethod =
  | 'rates.list'
  | 'rates.set'
  | 'settings.get'
  | 'settings.update'
  | 'reports.costs'
  | 'reports.usage'
  | 'statements.issue'
  | 'statements.list'
  | 'statements.get'
  | 'statements.export'
  | 'deposits.record'
  | 'deposits.get'
  | 'deposits.list'
  | 'costs.confirmDamage'
  | 'costs.damages'
  | 'costs.pendingDamages'

export const costHandlers: HandlerMap<CostMethod> = {
  'rates.list': (input, ctx) => listRates(ctx, input),
  'rates.set': (input, ctx) => setRate(ctx, input),
  'settings.get': (input, ctx) => getHubSettings(ctx, input),
  'settings.update': (input, ctx) => updateHubSettings(ctx, input),
  'reports.costs': (input, ctx) => costReport(ctx, input),
  'reports.usage': (input, ctx) => usageReport(ctx, input),
  'statements.issue': (input, ctx) => issueStatement(ctx, input),
  'statements.list': (input, ctx) => listStatements(ctx, input),
  'statements.get': (input, ctx) => getStatement(ctx, input.id),
  'statements.export': (input, ctx) => exportStatement(ctx, input),
  'deposits.record': (input, ctx) => recordDeposit(ctx, input),
  'deposits.get': (input, ctx) => getDeposit(ctx, input.bookingId),
  'deposits.list': (input, ctx) => listDeposits(ctx, input),
  'costs.confirmDamage': (input, ctx) => confirmDamage(ctx, input),
  'costs.damages': (input, ctx) => listDamages(ctx, input.bookingId),
  'costs.pendingDamages': (input, ctx) => pendingDamages(ctx, input.communeId),
}
