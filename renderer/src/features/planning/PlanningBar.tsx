/**
 * One bar of a planning row: a booking (coloured by its commune, draggable while it can still
 * move), an unavailability, or a delivery or pick-up trip. Drawn where the booking is being dragged
 * or saved when the row passes a `RowDrag` for it; nothing when it lies outside the columns on
 * screen. Display only: a press goes to the grid through `ctx.onBarPointerDown`.
 */
import type { CSSProperties } from 'react'
import type { Booking, Commune, Resource } from '../../../../shared/domain/types'
import { formatPeriodShort } from '../../lib/dates'
import { bookingStatusLabel } from '../../lib/labels'
import { ROW_HEADER_WIDTH } from './gridStyle'
import { LogisticsBar } from './LogisticsBar'
import type { RowItem } from './model'
import { barSpan, canDrag, rowMetrics } from './model'
import type { RowContext, RowDrag } from './PlanningRow'

/** The commune's name for labels and titles, `Commune inconnue` when it is not loaded. */
export function communeName(communesById: ReadonlyMap<string, Commune>, id: string): string {
  return communesById.get(id)?.name ?? 'Commune inconnue'
}

// Periods in words cost a time-zone conversion: computed once per booking object.
const periodTexts = new WeakMap<object, string>()
function periodText(period: Pick<Booking, 'start' | 'end' | 'allDay' | 'startDate' | 'endDate'>): string {
  let text = periodTexts.get(period)
  if (text === undefined) {
    text = formatPeriodShort(period)
    periodTexts.set(period, text)
  }
  return text
}

/** One item of a resource row, placed by its span (or by `drag` while it is moved). */
export function PlanningBar({
  item,
  resource,
  drag,
  firstColumn,
  lastColumn,
  ctx,
}: {
  readonly item: RowItem
  readonly resource: Resource
  readonly drag: RowDrag | null
  readonly firstColumn: number
  readonly lastColumn: number
  readonly ctx: RowContext
}) {
  const { columnWidth } = ctx
  let span = item.span
  const moved = item.type === 'booking' && drag?.bookingId === item.booking.id ? drag : null
  if (moved) {
    const at = barSpan(moved.period, ctx.columns, ctx.granularity)
    if (!at) return null
    span = at
  }
  if (span.right <= firstColumn || span.left >= lastColumn + 1) return null
  const left = ROW_HEADER_WIDTH + span.left * columnWidth + (span.clippedStart ? 0 : 2)
  const width = Math.max(
    6,
    (span.right - span.left) * columnWidth - (span.clippedStart ? 0 : 2) - (span.clippedEnd ? 0 : 2),
  )
  const top = rowMetrics.padding + item.lane * rowMetrics.laneHeight
  const clip = `${span.clippedStart ? ' planning-bar--clip-start' : ''}${span.clippedEnd ? ' planning-bar--clip-end' : ''}`
  if (item.type === 'logistics') {
    const commune = communeName(ctx.communesById, item.task.communeId)
    return <LogisticsBar task={item.task} style={{ left, width, top }} clip={clip} communeName={commune} />
  }
  if (item.type === 'unavailability') {
    const u = item.unavailability
    const qty = resource.tracking === 'stock' ? ` (−${u.quantity})` : ''
    const text = `Indisponible${qty} · ${u.reason}`
    return (
      <div
        className={`planning-bar planning-bar--unavailability${clip}`}
        data-testid="planning-unavailability"
        style={{ left, width, top }}
        title={`${text}\n${periodText(u)}`}
      >
        <span className="planning-bar__label">{text}</span>
      </div>
    )
  }
  const booking = item.booking
  const color = ctx.colors.get(booking.communeId)
  const dimmed = ctx.highlightCommuneId !== '' && booking.communeId !== ctx.highlightCommuneId
  const commune = communeName(ctx.communesById, booking.communeId)
  const label = `${booking.reference} · ${commune} · ${booking.title}`
  // Narrow bars say what matters first: the commune (also its colour) and the title, then the title alone.
  const shown = width >= 220 ? label : width >= 110 ? `${commune} · ${booking.title}` : booking.title
  const draggable = canDrag(booking, ctx.granularity)
  const state = moved
    ? moved.state === 'saving'
      ? ' planning-bar--saving'
      : ` planning-bar--dragging planning-bar--${moved.state}`
    : ''
  const style = {
    left,
    width,
    top,
    '--bar-fill': color?.fill ?? '#4477AA',
    '--bar-text': color?.text ?? '#FFFFFF',
    '--bar-tint': color?.tint ?? '#C9D6EA',
  } as CSSProperties
  const quantity = resource.tracking === 'stock' ? ` · ${item.quantity} sur ${resource.quantity}` : ''
  return (
    <div
      className={`planning-bar planning-bar--${booking.status}${booking.late ? ' planning-bar--late' : ''}${dimmed ? ' planning-bar--dimmed' : ''}${
        draggable ? ' planning-bar--draggable' : ''
      }${clip}${state}`}
      data-testid="planning-bar"
      data-reference={booking.reference}
      data-booking-id={booking.id}
      data-status={booking.status}
      data-state={moved && moved.state !== 'saving' ? moved.state : undefined}
      style={style}
      title={`${label}${quantity}\n${periodText(booking)} · ${booking.late ? 'En retard' : bookingStatusLabel(booking.status)}${
        draggable ? '\nGlisser pour déplacer, tirer un bord pour allonger ou raccourcir.' : ''
      }`}
      onPointerDown={(e) => ctx.onBarPointerDown(e, booking)}
    >
      {draggable && !span.clippedStart ? (
        <span className="planning-bar__edge planning-bar__edge--start" data-edge="start" />
      ) : null}
      {resource.tracking === 'stock' ? <span className="planning-bar__qty">{item.quantity}</span> : null}
      <span className="planning-bar__label">{shown}</span>
      {draggable && !span.clippedEnd ? (
        <span className="planning-bar__edge planning-bar__edge--end" data-edge="end" />
      ) : null}
      {moved?.hint ? (
        <span
          className={`planning-drag-hint${moved.state === 'conflict' ? ' planning-drag-hint--conflict' : ''}`}
          data-testid="planning-drag-hint"
        >
          {moved.hint}
        </span>
      ) : null}
    </div>
  )
}
