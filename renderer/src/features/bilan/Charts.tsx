/**
 * The Bilan's charts (recharts), drawn at a fixed size so that they print the same as they show:
 * dark ink and grey shades, hatch patterns and value labels, so that a black-and-white printout still
 * tells the series apart; French axis titles and number formats. Display only.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { PieLabelRenderProps } from 'recharts'
import type { CommuneSlice, CostBar, ShareBar, TrendPoint, TrendSeries } from './model'
import { eurosTick, niceTicks, percentLabel } from './model'

/** Width of every chart, px: fits an A4 page in portrait with 14 mm margins. */
export const CHART_WIDTH = 700
const INK = '#1f3b57'
const AXIS = '#3d4a5c'
const GRID = '#d5dbe3'
/** Room for the names on the vertical axis of the bar charts, px. */
const LABEL_WIDTH = 300

/** Fills of the pie: plain shades, then hatches and dots (defined in `ChartPatterns`). */
const SLICE_FILLS = [
  INK,
  'url(#bilan-hatch)',
  '#8a9bb0',
  'url(#bilan-dots)',
  '#c9d3df',
  'url(#bilan-cross)',
  '#55687e',
  'url(#bilan-hatch-back)',
]
/** Lines of the trend chart: dash patterns and markers that survive greyscale printing. */
const LINE_STYLES = [
  { stroke: '#3f5570', dash: '7 4', dot: 'square' },
  { stroke: '#5c6f86', dash: '2 3', dot: 'diamond' },
  { stroke: '#76879c', dash: '10 3 2 3', dot: 'triangle' },
] as const

/** The hatch and dot patterns the charts fill with; drawn once, invisible, referenced by `url(#…)`. */
export function ChartPatterns() {
  return (
    <svg className="bilan-patterns" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <pattern
          id="bilan-hatch"
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="8" height="8" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="8" stroke={INK} strokeWidth="3" />
        </pattern>
        <pattern
          id="bilan-hatch-back"
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(-45)"
        >
          <rect width="8" height="8" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="8" stroke="#55687e" strokeWidth="2" />
        </pattern>
        <pattern id="bilan-dots" width="7" height="7" patternUnits="userSpaceOnUse">
          <rect width="7" height="7" fill="#ffffff" />
          <circle cx="3.5" cy="3.5" r="1.8" fill={INK} />
        </pattern>
        <pattern id="bilan-cross" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#ffffff" />
          <path d="M0 4H8M4 0V8" stroke="#55687e" strokeWidth="1.5" />
        </pattern>
      </defs>
    </svg>
  )
}

const tickStyle = { fill: AXIS, fontSize: 12 }

/** A title under the horizontal axis. */
function bottomAxisTitle(value: string) {
  return { value, position: 'insideBottom' as const, offset: -16, fill: AXIS, fontSize: 12 }
}

/**
 * The props of a horizontal bar chart: a 30 px row a bar, and `labelRoom` px on the right for the
 * value written at the end of the longest bar.
 */
function horizontalBarsProps<T>(bars: readonly T[], labelRoom: number) {
  return {
    width: CHART_WIDTH,
    height: 70 + bars.length * 30,
    data: [...bars],
    layout: 'vertical' as const,
    margin: { top: 8, right: labelRoom, bottom: 28, left: 8 },
    accessibilityLayer: true,
  }
}

/** Horizontal bars of the share of unit-days used, with the percentage at the end of each bar. */
export function ShareChart({
  bars,
  rowName,
}: {
  readonly bars: readonly ShareBar[]
  readonly rowName: string
}) {
  const ticks = niceTicks(Math.max(0, ...bars.map((b) => b.share)))
  return (
    <BarChart {...horizontalBarsProps(bars, 56)}>
      <CartesianGrid stroke={GRID} horizontal={false} />
      <XAxis
        type="number"
        domain={[0, ticks[ticks.length - 1] ?? 1]}
        ticks={ticks}
        tickFormatter={percentLabel}
        tick={tickStyle}
        label={bottomAxisTitle('Part des jours disponibles utilisés')}
      />
      <YAxis
        type="category"
        dataKey="axisLabel"
        width={LABEL_WIDTH}
        tick={tickStyle}
        interval={0}
        name={rowName}
      />
      <Tooltip formatter={(value) => [percentLabel(Number(value)), 'Taux d’utilisation']} />
      <Bar dataKey="share" name="Taux d’utilisation" fill={INK} isAnimationActive={false} barSize={18}>
        <LabelList
          dataKey="share"
          position="right"
          formatter={(v) => percentLabel(Number(v))}
          fill={AXIS}
          fontSize={12}
        />
      </Bar>
    </BarChart>
  )
}

/** Month by month: the hub's share used (solid, dots) and the most used rows (dashed, markers). */
export function TrendChart({
  points,
  series,
}: {
  readonly points: readonly TrendPoint[]
  readonly series: readonly TrendSeries[]
}) {
  const ticks = niceTicks(
    Math.max(0, ...points.flatMap((p) => [p.total, ...series.map((s) => Number(p[s.dataKey] ?? 0))])),
  )
  return (
    <LineChart
      width={CHART_WIDTH}
      height={320}
      data={[...points]}
      margin={{ top: 12, right: 24, bottom: 28, left: 16 }}
      accessibilityLayer
    >
      <CartesianGrid stroke={GRID} vertical={false} />
      <XAxis dataKey="label" tick={tickStyle} interval={0} label={bottomAxisTitle('Mois')} />
      <YAxis
        tickFormatter={percentLabel}
        tick={tickStyle}
        domain={[0, ticks[ticks.length - 1] ?? 1]}
        ticks={ticks}
        width={64}
        label={{
          value: 'Taux d’utilisation',
          angle: -90,
          position: 'insideLeft',
          offset: -2,
          fill: AXIS,
          fontSize: 12,
          dy: 50,
        }}
      />
      <Tooltip formatter={(value, name) => [percentLabel(Number(value)), String(name)]} />
      <Legend verticalAlign="top" height={44} itemSorter={null} />
      <Line
        type="linear"
        dataKey="total"
        name="Tout le pôle"
        stroke={INK}
        strokeWidth={3}
        dot={{ r: 4, fill: INK }}
        isAnimationActive={false}
      />
      {series.map((s, index) => {
        const style = LINE_STYLES[index % LINE_STYLES.length]!
        return (
          <Line
            key={s.dataKey}
            type="linear"
            dataKey={s.dataKey}
            name={s.name}
            stroke={style.stroke}
            strokeWidth={2}
            strokeDasharray={style.dash}
            dot={{ r: 4, fill: '#ffffff', stroke: style.stroke, strokeWidth: 2 }}
            legendType={style.dot}
            isAnimationActive={false}
          />
        )
      })}
    </LineChart>
  )
}

/** Each commune's part of the days used: slices filled with shades and patterns, each labelled. */
export function CommunePie({ slices }: { readonly slices: readonly CommuneSlice[] }) {
  const label = (props: PieLabelRenderProps) => {
    const slice = slices[props.index]
    if (!slice) return null
    const x = Number(props.x)
    const y = Number(props.y)
    return (
      <text x={x} y={y} textAnchor={props.textAnchor} dominantBaseline="central" fill={AXIS} fontSize={12.5}>
        <tspan fontWeight={600}>{slice.name}</tspan>
        <tspan x={x} dy={15}>
          {percentLabel(slice.share)}
        </tspan>
      </text>
    )
  }
  return (
    <PieChart width={CHART_WIDTH} height={340} accessibilityLayer>
      <Pie
        data={[...slices]}
        dataKey="daysUsed"
        nameKey="name"
        cx="50%"
        cy="50%"
        outerRadius={115}
        stroke="#ffffff"
        strokeWidth={2}
        label={label}
        labelLine={{ stroke: AXIS }}
        isAnimationActive={false}
      >
        {slices.map((slice, index) => (
          <Cell
            key={slice.communeId}
            fill={SLICE_FILLS[index % SLICE_FILLS.length]}
            stroke={INK}
            strokeWidth={1}
          />
        ))}
      </Pie>
      <Tooltip formatter={(value, name) => [`${String(value)} jours`, String(name)]} />
    </PieChart>
  )
}

/** Cost per use (purchase value ÷ uses), euros, highest first, with the amount on each bar. */
export function CostPerUseChart({ bars }: { readonly bars: readonly CostBar[] }) {
  return (
    <BarChart {...horizontalBarsProps(bars, 96)}>
      <CartesianGrid stroke={GRID} horizontal={false} />
      <XAxis
        type="number"
        tickFormatter={eurosTick}
        tick={tickStyle}
        label={bottomAxisTitle('Valeur d’achat ÷ utilisations (€)')}
      />
      <YAxis type="category" dataKey="axisLabel" width={LABEL_WIDTH} tick={tickStyle} interval={0} />
      <Tooltip formatter={(value) => [eurosTick(Number(value)), 'Coût par utilisation']} />
      <Bar
        dataKey="euros"
        name="Coût par utilisation"
        fill="url(#bilan-hatch)"
        stroke={INK}
        isAnimationActive={false}
        barSize={18}
      >
        <LabelList dataKey="text" position="right" fill={AXIS} fontSize={12} />
      </Bar>
    </BarChart>
  )
}
