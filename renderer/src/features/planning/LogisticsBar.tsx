/**
 * A delivery or pick-up trip on the row of the vehicle or agent it occupies: striped, with a truck and
 * « Livraison RES-… » / « Reprise RES-… ». A link to the booking's page. Display only.
 */
import type { CSSProperties } from 'react'
import type { LogisticsTask } from '../../../../shared/domain/lifecycle'
import { bookingHash } from '../booking/model'
import { taskKindLabel, taskTime } from '../depot/model'
import './logistics.css'

interface LogisticsBarProps {
  readonly task: LogisticsTask
  readonly style: CSSProperties
  /** ` planning-bar--clip-start`… when the trip goes on beyond the view. */
  readonly clip: string
  readonly communeName: string
}

export function LogisticsBar({ task, style, clip, communeName }: LogisticsBarProps) {
  const label = `${taskKindLabel(task.kind)} ${task.reference}`
  // A narrow bar keeps the reference; the truck, the colour and the tooltip say which trip it is.
  const shown = typeof style.width === 'number' && style.width < 170 ? task.reference : label
  return (
    <a
      className={`planning-bar planning-bar--logistics planning-bar--${task.kind}${clip}`}
      data-testid="planning-logistics"
      data-reference={task.reference}
      data-kind={task.kind}
      href={bookingHash(task.bookingId)}
      tabIndex={-1}
      style={style}
      aria-label={`${label} · ${communeName}`}
      title={`${label} · ${communeName}\n${taskTime(task)}${task.address ? `\n${task.address}` : ''}`}
    >
      <svg className="planning-bar__truck" viewBox="0 0 20 14" width="16" height="11" aria-hidden="true">
        <path
          fill="currentColor"
          d="M1 1h11v9H1zM13 4h3.5L19 7v3h-6zM4.5 10.5a1.75 1.75 0 1 0 0 .01zM15.5 10.5a1.75 1.75 0 1 0 0 .01z"
        />
      </svg>
      <span className="planning-bar__label">{shown}</span>
    </a>
  )
}
