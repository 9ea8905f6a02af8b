/**
 * Statements (relevés de refacturation): `statements.issue` freezes a commune's cost lines of a
 * period under a number `REL-2027-0001` (local year of issue, then a counter); the stored lines never
 * change afterwards (database triggers), whatever happens to rates, bookings or settings.
 * `statements.export` renders one as XLSX (./statement-xlsx) or PDF (./statement-pdf).
 */
import type { z } from 'zod'
import type { statementsIssueInput, statementsListInput } from '../../../../shared/api/cost-schemas'
import type { Statement, StatementSummary } from '../../../../shared/domain/costs'
import type { ExportedFile } from '../../../../shared/domain/types'
import { DomainError } from '../../../../shared/errors'
import { formatLocalDateFr, TIME_ZONE } from '../../../../shared/time'
import { readTransaction, writeTransaction } from '../../db/connection'
import { appendAudit } from '../../db/repositories/audit'
import { getCommune } from '../../db/repositories/communes'
import { getHub } from '../../db/repositories/hubs'
import {
  getStatement as selectStatement,
  insertStatement,
  listStatements as selectStatements,
  nextStatementNumber,
  overlappingStatements,
} from '../../db/repositories/statements'
import { EPCI } from '../../seed/communes'
import { nowIso, type ServiceContext } from '../context'
import { renderPdf } from '../pdf'
import { periodLines, rulesFor } from './report'
import { statementDocument } from './statement-pdf'
import { statementWorkbook } from './statement-xlsx'
import { resolveHubId } from './settings'

/** The Europe/Paris calendar year of an instant (epoch ms). */
function localYear(ms: number): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric' }).format(ms))
}

/**
 * `statements.issue`: the commune's lines of `[from, to]` (local dates, inclusive) as
 * `reports.costs` counts them now, less what another statement already bills, plus what fell
 * between statements (./report.ts: an item accepted after the statement of its day, a damage charged
 * on a day a statement already covers), frozen under the next number. Journaled (`statement`, `issue`).
 * @throws DomainError NOT_FOUND (commune); INVALID_INPUT when a statement of the commune already
 *   covers a day of the period (each booking is charged once) or when there is nothing to charge
 */
export function issueStatement(ctx: ServiceContext, input: z.output<typeof statementsIssueInput>): Statement {
  return writeTransaction(ctx.db, () => {
    const commune = getCommune(ctx.db, input.communeId)
    if (!commune) {
      throw new DomainError('NOT_FOUND', 'Cette commune n’existe pas.', {
        issues: [{ path: 'communeId', message: 'Commune introuvable.' }],
      })
    }
    const period = `du ${formatLocalDateFr(input.from)} au ${formatLocalDateFr(input.to)}`
    const [overlap] = overlappingStatements(ctx.db, commune.id, input.from, input.to)
    if (overlap) {
      const message =
        `Le relevé ${overlap.number} couvre déjà ${commune.name} du ${formatLocalDateFr(overlap.from)} au ` +
        `${formatLocalDateFr(overlap.to)} : choisissez une période qui ne le chevauche pas ` +
        '(chaque réservation n’est facturée qu’une fois).'
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'from', message }] })
    }
    const lines = periodLines(ctx, {
      from: input.from,
      to: input.to,
      communeId: commune.id,
      purpose: 'statement',
    })
    if (lines.length === 0) {
      const message = `Rien à facturer à ${commune.name} ${period} : aucune réservation acceptée, sortie ou rendue, ni dégât confirmé.`
      throw new DomainError('INVALID_INPUT', message, { issues: [{ path: 'to', message }] })
    }
    const hubId = commune.hubId ?? resolveHubId(ctx, undefined)
    const statement: Statement = {
      id: ctx.newId(),
      number: nextStatementNumber(ctx.db, localYear(ctx.now())),
      hubId,
      communeId: commune.id,
      communeName: commune.name,
      inseeCode: commune.inseeCode,
      from: input.from,
      to: input.to,
      issuedAt: nowIso(ctx),
      issuedBy: ctx.actor,
      totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
      lines,
      rules: rulesFor(ctx, hubId, input.to),
    }
    insertStatement(ctx.db, statement)
    const { lines: _lines, rules: _rules, ...summary } = statement
    appendAudit(ctx.db, {
      id: ctx.newId(),
      at: statement.issuedAt,
      actor: ctx.actor,
      entity: 'statement',
      entityId: statement.id,
      action: 'issue',
      before: null,
      after: { ...summary, lineCount: lines.length },
    })
    return statement
  })
}

/** `statements.list`: latest issued first, by commune and year of number if given. */
export function listStatements(
  ctx: ServiceContext,
  input: z.output<typeof statementsListInput>,
): StatementSummary[] {
  return selectStatements(ctx.db, input)
}

/** @throws DomainError NOT_FOUND */
export function getStatement(ctx: ServiceContext, id: string): Statement {
  const statement = selectStatement(ctx.db, id)
  if (!statement) throw new DomainError('NOT_FOUND', 'Ce relevé n’existe pas.')
  return statement
}

/**
 * `statements.export`: the statement as `releve-REL-2027-0001-tiffauges.pdf` or `.xlsx`.
 * @throws DomainError NOT_FOUND
 */
export async function exportStatement(
  ctx: ServiceContext,
  input: { readonly id: string; readonly format: 'pdf' | 'xlsx' },
): Promise<ExportedFile> {
  const { statement, hubName } = readTransaction(ctx.db, () => {
    const found = getStatement(ctx, input.id)
    return { statement: found, hubName: getHub(ctx.db, found.hubId)?.name ?? '' }
  })
  const header = { organisation: EPCI.name, hubName, printedAt: ctx.now() }
  const content =
    input.format === 'pdf'
      ? await renderPdf(statementDocument(statement, header))
      : await statementWorkbook(statement, header)
  const slug = statement.communeName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return {
    fileName: `releve-${statement.number}-${slug}.${input.format}`,
    contentBase64: content.toString('base64'),
  }
}
