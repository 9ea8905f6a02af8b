/**
 * The API contract: each method name maps to its zod input schema and its result type. The
 * dispatcher, the Electron preload, the IPC handler and the browser-mode client are all derived
 * from this one object (STYLE.md, practice 1).
 */
import type { z } from 'zod'
import type {
  AuditEntry,
  AvailabilityReport,
  Booking,
  Category,
  Commune,
  ExportedFile,
  FreeResource,
  Holiday,
  Hub,
  ImportReport,
  Resource,
  ResourceHistory,
  Unavailability,
  UnavailabilityCreated,
} from '../domain/types'
import type { CalendarFile, SuggestedPeriod } from '../domain/calendar'
import type {
  BookingHistory,
  DepotDay,
  InboxEntry,
  LogisticsTask,
  SeriesCreated,
  SeriesPreview,
} from '../domain/lifecycle'
import type { BackupInfo, RestoreResult, SystemStatus } from '../domain/backups'
import type { AuthStatus, JournalPage, SignedInUser, User } from '../domain/accounts'
import type {
  CostReport,
  DamageCharge,
  Deposit,
  HubSettingsState,
  PendingDamage,
  Rate,
  Statement,
  StatementSummary,
  UsageReport,
} from '../domain/costs'
import type { ApiResult } from '../errors'
import * as a from './account-schemas'
import * as b from './backup-schemas'
import * as c from './cost-schemas'
import * as l from './lifecycle-schemas'
import * as s from './schemas'

/** A method: its input schema, and its result type carried as a phantom. */
interface MethodSpec<Input extends z.ZodType, Result> {
  readonly input: Input
  readonly result?: Result
}

function method<Result>() {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Result> => ({ input })
}

export const contract = {
  'hubs.list': method<Hub[]>()(s.emptyInput),
  'communes.list': method<Commune[]>()(s.emptyInput),
  'categories.list': method<Category[]>()(s.emptyInput),
  'resources.list': method<Resource[]>()(s.resourcesListInput),
  'resources.get': method<Resource>()(s.idInput),
  'resources.create': method<Resource>()(s.resourcesCreateInput),
  'resources.update': method<Resource>()(s.resourcesUpdateInput),
  'resources.archive': method<Resource>()(s.idInput),
  'resources.history': method<ResourceHistory>()(s.resourcesHistoryInput),
  'resources.import': method<ImportReport>()(s.resourcesImportInput),
  'resources.export': method<ExportedFile>()(s.resourcesExportInput),
  'unavailabilities.create': method<UnavailabilityCreated>()(s.unavailabilitiesCreateInput),
  'unavailabilities.list': method<Unavailability[]>()(s.unavailabilitiesListInput),
  'unavailabilities.delete': method<Unavailability>()(s.idInput),
  'bookings.create': method<Booking>()(s.bookingsCreateInput),
  'bookings.list': method<Booking[]>()(s.bookingsListInput),
  'bookings.get': method<Booking>()(s.idInput),
  'bookings.cancel': method<Booking>()(s.bookingsCancelInput),
  'bookings.update': method<Booking>()(s.bookingsUpdateInput),
  'availability.check': method<AvailabilityReport>()(s.availabilityCheckInput),
  'availability.find': method<FreeResource[]>()(s.availabilityFindInput),
  'holidays.list': method<Holiday[]>()(s.holidaysListInput),
  'calendar.ics': method<CalendarFile>()(s.calendarIcsInput),
  'planning.pdf': method<ExportedFile>()(s.planningPdfInput),
  'availability.suggest': method<SuggestedPeriod[]>()(s.availabilitySuggestInput),
  'bookings.approve': method<Booking>()(l.bookingsApproveInput),
  'bookings.reject': method<Booking>()(l.bookingsRejectInput),
  'bookings.checkOut': method<Booking>()(l.bookingsCheckOutInput),
  'bookings.return': method<Booking>()(l.bookingsReturnInput),
  'bookings.inbox': method<InboxEntry[]>()(l.bookingsInboxInput),
  'bookings.history': method<BookingHistory>()(l.bookingsHistoryInput),
  'bookings.slip': method<ExportedFile>()(l.bookingsSlipInput),
  'depot.day': method<DepotDay>()(l.depotDayInput),
  'logistics.list': method<LogisticsTask[]>()(l.logisticsListInput),
  'unavailabilities.restore': method<Unavailability>()(l.unavailabilitiesRestoreInput),
  'series.preview': method<SeriesPreview>()(l.seriesPreviewInput),
  'series.create': method<SeriesCreated>()(l.seriesCreateInput),
  'series.cancel': method<Booking[]>()(l.seriesCancelInput),
  'system.status': method<SystemStatus>()(b.systemStatusInput),
  'backups.list': method<BackupInfo[]>()(b.backupsListInput),
  'backups.create': method<BackupInfo>()(b.backupsCreateInput),
  'backups.restore': method<RestoreResult>()(b.backupsRestoreInput),
  'backups.journal': method<AuditEntry[]>()(b.backupsJournalInput),
  'auth.status': method<AuthStatus>()(s.emptyInput),
  'auth.signIn': method<SignedInUser>()(a.authSignInInput),
  'auth.signOut': method<AuthStatus>()(s.emptyInput),
  'users.list': method<User[]>()(s.emptyInput),
  'users.create': method<User>()(a.usersCreateInput),
  'users.update': method<User>()(a.usersUpdateInput),
  'journal.list': method<JournalPage>()(a.journalListInput),
  'rates.list': method<Rate[]>()(c.ratesListInput),
  'rates.set': method<Rate>()(c.ratesSetInput),
  'settings.get': method<HubSettingsState>()(c.settingsGetInput),
  'settings.update': method<HubSettingsState>()(c.settingsUpdateInput),
  'reports.costs': method<CostReport>()(c.reportsCostsInput),
  'reports.usage': method<UsageReport>()(c.reportsUsageInput),
  'statements.issue': method<Statement>()(c.statementsIssueInput),
  'statements.list': method<StatementSummary[]>()(c.statementsListInput),
  'statements.get': method<Statement>()(c.statementsGetInput),
  'statements.export': method<ExportedFile>()(c.statementsExportInput),
  'deposits.record': method<Deposit>()(c.depositsRecordInput),
  'deposits.get': method<Deposit>()(c.depositsGetInput),
  'costs.confirmDamage': method<DamageCharge>()(c.costsConfirmDamageInput),
  'costs.damages': method<DamageCharge[]>()(c.costsDamagesInput),
  'deposits.list': method<Deposit[]>()(c.depositsListInput),
  'costs.pendingDamages': method<PendingDamage[]>()(c.costsPendingDamagesInput),
  // New methods go above this line, grouped by namespace.
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
/** What a caller may send (before defaults and transforms). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
/** What the handler receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodResult<M extends MethodName> = NonNullable<Contract[M]['result']>

export const methodNames = Object.keys(contract) as MethodName[]

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

type Namespace<M extends string> = M extends `${infer NS}.${string}` ? NS : never

/** The typed client: `api.bookings.create(input)` resolves to the method's result envelope. */
export type ApiClient = {
  readonly [NS in Namespace<MethodName>]: {
    readonly [M in MethodName as M extends `${NS}.${infer Name}` ? Name : never]: (
      input: MethodInput<M>,
    ) => Promise<ApiResult<MethodResult<M>>>
  }
}

/** Sends one call over a transport (IPC or HTTP) and returns the envelope; never throws for API errors. */
export type Transport = (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>

/** Builds the nested typed client from a transport, one function per contract method. */
export function createApiClient(transport: Transport): ApiClient {
  const client: Record<string, Record<string, (input: unknown) => Promise<ApiResult<unknown>>>> = {}
  for (const name of methodNames) {
    const [ns, fn] = name.split('.') as [string, string]
    client[ns] ??= {}
    client[ns][fn] = (input: unknown) => transport(name, input)
  }
  return client as unknown as ApiClient
}
