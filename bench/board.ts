/**
 * `npm run bench:board [-- --json FILE] [--runs N] [--resources N] [--bookings N] [--month YYYY-MM]
 * [--screenshot FILE]`: the planning board in Chromium through browser mode, on a generated data
 * directory (default 300 resources and 5,000 bookings over the 31 days of March 2027, through the
 * repositories like bench/dataset.ts). Opens `#/planning?vue=mois` in a fresh browser context per run
 * and measures:
 * - the time from navigation to the board drawn: `performance.now()` (ms since navigation start) when
 *   the grid's `data-ready="true"` appears, and at the next animation frame (painted);
 * - the number of DOM nodes (`document.getElementsByTagName('*').length`), once drawn and at most
 *   while scrolling;
 * - the frame time while the grid is scrolled programmatically (requestAnimationFrame deltas).
 * Then the same with three times as many resources, to show that the DOM stays bounded.
 * Prints medians; writes them as JSON with `--json FILE`. Needs the built renderer (`out/web`, the
 * npm script builds it) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser } from '@playwright/test'
import { openDatabase, writeTransaction } from '../electron/backend/db/connection'
import { freshLifecycle, insertBooking } from '../electron/backend/db/repositories/bookings'
import { insertCategory } from '../electron/backend/db/repositories/categories'
import { listCommunes } from '../electron/backend/db/repositories/communes'
import { listHubs } from '../electron/backend/db/repositories/hubs'
import { insertResource, newResourceRecord } from '../electron/backend/db/repositories/resources'
import { insertUnavailability } from '../electron/backend/db/repositories/unavailabilities'
import { openBackend } from '../electron/backend/index'
import type { BookingStatus, ResourceKind } from '../shared/domain/types'
import { addDaysToDate, localToInstant, startOfLocalDate } from '../shared/time'

const root = resolve(import.meta.dirname, '..')

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    runs: { type: 'string', default: '7' },
    resources: { type: 'string', default: '300' },
    bookings: { type: 'string', default: '5000' },
    month: { type: 'string', default: '2027-03' },
    screenshot: { type: 'string' },
  },
})

const HOUR = 3_600_000

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/** A small deterministic generator, so two runs measure the same data. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

interface Generated {
  readonly resources: number
  readonly bookings: number
  readonly requested: number
  readonly unavailabilities: number
}

/**
 * Fills a fresh data directory: the hub and communes (`openBackend` with `seed: 'empty'`), then
 * categories, resources (one in five a stock of 100), bookings that never overlap on a unit
 * resource (about one in twelve still `requested`, the others `approved`; a third day-long) and a few
 * unavailabilities, all inside the 31 days from the first of `month`.
 */
function generate(dir: string, resourceCount: number, bookingCount: number, month: string): Generated {
  openBackend({ dataDir: dir, seed: 'empty' }).close()
  const db = openDatabase(dir)
  const next = random(7)
  const hubId = listHubs(db)[0]?.id ?? ''
  const communes = listCommunes(db).filter((c) => c.hubId === hubId)
  const at = new Date().toISOString()
  const first = `${month}-01`
  const monthStart = startOfLocalDate(first)
  const monthEnd = startOfLocalDate(addDaysToDate(first, 31))
  const kinds: readonly [ResourceKind, string[]][] = [
    ['equipment', ['Mobilier', 'Barrières', 'Structures', 'Sonorisation', 'Espaces verts', 'Travaux']],
    ['vehicle', ['Utilitaires', 'Poids lourds']],
    ['staff', ['Voirie', 'Espaces verts']],
  ]
  const categories = new Map<ResourceKind, string[]>()
  let requested = 0
  let unavailabilities = 0
  let made = 0
  writeTransaction(db, () => {
    for (const [kind, names] of kinds) {
      const ids = names.map((name) => {
        const id = randomUUID()
        insertCategory(db, { id, name, parentId: null, kind })
        return id
      })
      categories.set(kind, ids)
    }
    const resources: { id: string; stock: boolean; cursor: number }[] = []
    for (let i = 0; i < resourceCount; i++) {
      const kind: ResourceKind = i % 10 === 9 ? 'staff' : i % 10 === 8 ? 'vehicle' : 'equipment'
      const stock = kind === 'equipment' && i % 5 === 0
      const ofKind = categories.get(kind) ?? []
      const id = randomUUID()
      resources.push({ id, stock, cursor: monthStart + Math.floor(next() * 12) * HOUR })
      insertResource(
        db,
        newResourceRecord(
          {
            id,
            hubId,
            kind,
            name: `${kind === 'staff' ? 'Agent' : kind === 'vehicle' ? 'Véhicule' : stock ? 'Stock' : 'Matériel'} ${String(i + 1).padStart(3, '0')}`,
            at,
          },
          {
            categoryId: ofKind[i % ofKind.length] ?? null,
            tracking: stock ? 'stock' : 'unit',
            quantity: stock ? 100 : 1,
            inventoryNumber: `BENCH-${i}`,
          },
        ),
      )
      if (i % 15 === 7) {
        const day = addDaysToDate(first, Math.floor(next() * 28))
        insertUnavailability(db, {
          id: randomUUID(),
          resourceId: id,
          kind: 'maintenance',
          reason: 'Entretien annuel',
          quantity: stock ? 10 : 1,
          start: startOfLocalDate(day),
          end: startOfLocalDate(addDaysToDate(day, 2)),
          allDay: true,
          startDate: day,
          endDate: addDaysToDate(day, 1),
          createdAt: at,
          bookingId: null,
          untilRestored: false,
        })
        unavailabilities++
      }
    }
    // Round robin over the resources, each moving forward in time, until every booking is placed.
    let stalled = 0
    for (let r = 0; made < bookingCount && stalled < resources.length; r = (r + 1) % resources.length) {
      const resource = resources[r]
      if (!resource) continue
      const gap = Math.floor(next() * 20) * HOUR
      let start = resource.cursor + gap
      let end: number
      let allDay = false
      let startDate: string | null = null
      let endDate: string | null = null
      if (next() < 0.33) {
        const day = new Date(start + 2 * HOUR).toISOString().slice(0, 10)
        const last = addDaysToDate(day, Math.floor(next() * 2))
        start = startOfLocalDate(addDaysToDate(day, 1))
        end = startOfLocalDate(addDaysToDate(last, 2))
        allDay = true
        startDate = addDaysToDate(day, 1)
        endDate = addDaysToDate(last, 1)
      } else {
        const day = new Date(start + 2 * HOUR).toISOString().slice(0, 10)
        start = Math.max(start, localToInstant(day, 7 + Math.floor(next() * 8)))
        end = start + (2 + Math.floor(next() * 9)) * HOUR
      }
      if (end > monthEnd) {
        stalled++
        continue
      }
      stalled = 0
      if (!resource.stock) resource.cursor = end
      else resource.cursor = start + Math.floor(next() * 6) * HOUR
      const status: BookingStatus = next() < 0.08 ? 'requested' : 'approved'
      if (status === 'requested') requested++
      insertBooking(db, {
        id: randomUUID(),
        reference: `RES-2027-${String(made + 1).padStart(4, '0')}`,
        hubId,
        communeId: communes[Math.floor(next() * communes.length)]?.id ?? '',
        title: ['Fête communale', 'Travaux de voirie', 'Marché', 'Cérémonie', 'Entretien des espaces verts'][
          made % 5
        ] as string,
        notes: '',
        status,
        start,
        end,
        allDay,
        startDate,
        endDate,
        cancelReason: null,
        createdAt: at,
        updatedAt: at,
        items: [{ resourceId: resource.id, quantity: resource.stock ? 1 + Math.floor(next() * 12) : 1 }],
        ...freshLifecycle,
      })
      made++
    }
  })
  db.close()
  return { resources: resourceCount, bookings: made, requested, unavailabilities }
}

function startServer(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web/cli.ts', '--port', '0', '--data-dir', dir, '--empty'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  return new Promise((resolveUrl, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`Le serveur ne démarre pas :\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveUrl({ child, url: match[1] })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Le serveur s'est arrêté (${code}) :\n${output}`))
    })
  })
}

/** Page-side: records when the board is ready, and the frame after (painted). */
const readyProbe = `
  (() => {
    const mark = () => {
      const grid = document.querySelector('[data-testid="planning-grid"][data-ready="true"]')
      if (!grid || window.__boardReady !== undefined) return false
      window.__boardReady = performance.now()
      requestAnimationFrame(() => setTimeout(() => { window.__boardDrawn = performance.now() }, 0))
      return true
    }
    const observer = new MutationObserver(() => { if (mark()) observer.disconnect() })
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] })
  })()
`

/** Page-side: scrolls the grid down by 40 px per frame for 150 frames; frame deltas and the most DOM nodes seen. */
const scrollProbe = `
  new Promise((done) => {
    const grid = document.querySelector('[data-testid="planning-grid"]')
    const deltas = []
    let nodes = 0
    let last = performance.now()
    let frame = 0
    const step = (now) => {
      deltas.push(now - last)
      last = now
      nodes = Math.max(nodes, document.getElementsByTagName('*').length)
      grid.scrollTop += 40
      if (++frame < 150) requestAnimationFrame(step)
      else done({ deltas: deltas.slice(1), nodes, scrollTop: grid.scrollTop, scrollHeight: grid.scrollHeight })
    }
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(step) })
  })
`

interface RunResult {
  readonly firstApiCallMs: number
  readonly dataArrivedMs: number
  readonly readyMs: number
  readonly drawnMs: number
  readonly domNodes: number
  readonly bars: number
  readonly frames: readonly number[]
  readonly scrollDomNodes: number
}

async function measure(
  browser: Browser,
  url: string,
  month: string,
  screenshot?: string,
): Promise<RunResult> {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  })
  const page = await context.newPage()
  await page.addInitScript(readyProbe)
  await page.goto(`${url}/#/planning?vue=mois&date=${month}-01`)
  await page.waitForFunction(
    () => (globalThis as { __boardDrawn?: number }).__boardDrawn !== undefined,
    undefined,
    { timeout: 30_000 },
  )
  const drawn = await page.evaluate<{ ready: number; drawn: number; nodes: number; bars: number }>(
    `({ ready: window.__boardReady, drawn: window.__boardDrawn, nodes: document.getElementsByTagName('*').length,
        bars: document.querySelectorAll('[data-testid="planning-bar"]').length })`,
  )
  // When the board's data had arrived (the last answer of bookings.list), and when the script had loaded.
  const timings = await page.evaluate<{ dataEnd: number; firstApiCall: number }>(`(() => {
    const entries = performance.getEntriesByType('resource')
    const data = entries.filter((e) => /bookings\\.list$/.test(e.name)).map((e) => e.responseEnd)
    const api = entries.filter((e) => /\\/api\\//.test(e.name)).map((e) => e.startTime)
    return { dataEnd: Math.max(0, ...data), firstApiCall: Math.min(...api) }
  })()`)
  if (screenshot) {
    mkdirSync(dirname(screenshot), { recursive: true })
    await page.screenshot({ path: screenshot })
  }
  const scroll = await page.evaluate<{ deltas: number[]; nodes: number }>(scrollProbe)
  await context.close()
  return {
    firstApiCallMs: timings.firstApiCall,
    dataArrivedMs: timings.dataEnd,
    readyMs: drawn.ready,
    drawnMs: drawn.drawn,
    domNodes: drawn.nodes,
    bars: drawn.bars,
    frames: scroll.deltas,
    scrollDomNodes: scroll.nodes,
  }
}

interface Summary {
  readonly dataset: Generated
  readonly runs: number
  /** ms from navigation to the first API call (script loaded and started). */
  readonly firstApiCallMs: number
  /** ms from navigation to the last byte of bookings.list. */
  readonly dataArrivedMs: number
  /** ms from the data's arrival to the board drawn: the board's own work. */
  readonly dataToDrawnMs: number
  readonly readyMs: number
  readonly drawnMs: number
  readonly drawnSamples: readonly number[]
  readonly domNodes: number
  readonly domNodesWhileScrolling: number
  readonly barsDrawn: number
  readonly frameMedianMs: number
  readonly frameP95Ms: number
  readonly frameMaxMs: number
}

async function bench(
  browser: Browser,
  resources: number,
  bookings: number,
  month: string,
  runs: number,
  screenshot?: string,
): Promise<Summary> {
  const dir = mkdtempSync(join(tmpdir(), 'mutualisation-board-'))
  let server: ChildProcess | null = null
  try {
    const t0 = Date.now()
    const dataset = generate(dir, resources, bookings, month)
    console.log(
      `Données : ${dataset.resources} ressources, ${dataset.bookings} réservations (${dataset.requested} demandées), ` +
        `${dataset.unavailabilities} indisponibilités, ${month} — générées en ${Date.now() - t0} ms`,
    )
    const started = await startServer(dir)
    server = started.child
    // One warm-up (the server's first requests, the disk cache), then the measured runs.
    await measure(browser, started.url, month)
    const results: RunResult[] = []
    for (let i = 0; i < runs; i++) {
      results.push(await measure(browser, started.url, month, i === 0 ? screenshot : undefined))
    }
    const frames = results.flatMap((r) => r.frames)
    return {
      dataset,
      runs,
      firstApiCallMs: median(results.map((r) => r.firstApiCallMs)),
      dataArrivedMs: median(results.map((r) => r.dataArrivedMs)),
      dataToDrawnMs: median(results.map((r) => r.drawnMs - r.dataArrivedMs)),
      readyMs: median(results.map((r) => r.readyMs)),
      drawnMs: median(results.map((r) => r.drawnMs)),
      drawnSamples: results.map((r) => Math.round(r.drawnMs)),
      domNodes: median(results.map((r) => r.domNodes)),
      domNodesWhileScrolling: Math.max(...results.map((r) => r.scrollDomNodes)),
      barsDrawn: median(results.map((r) => r.bars)),
      frameMedianMs: median(frames),
      frameP95Ms: percentile(frames, 95),
      frameMaxMs: Math.max(...frames),
    }
  } finally {
    server?.kill('SIGTERM')
    if (process.env.BENCH_KEEP) console.log(`Dossier de données gardé : ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

function row(label: string, s: Summary): string {
  const f = (n: number) => n.toFixed(1).padStart(8)
  return (
    `${label.padEnd(30)}${f(s.drawnMs)}${f(s.firstApiCallMs)}${f(s.dataArrivedMs)}${f(s.dataToDrawnMs)}` +
    `${String(s.domNodes).padStart(8)}` +
    `${String(s.domNodesWhileScrolling).padStart(9)}${f(s.frameMedianMs)}${f(s.frameP95Ms)}${f(s.frameMaxMs)}`
  )
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'out/web/index.html'))) {
    throw new Error(
      'Interface non construite : lancez « npx vite build --config vite.web.config.ts » (ou npm run bench:board).',
    )
  }
  const runs = Number(values.runs)
  const resources = Number(values.resources)
  const bookings = Number(values.bookings)
  const month = values.month ?? '2027-03'
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  })
  try {
    const main = await bench(browser, resources, bookings, month, runs, values.screenshot)
    const larger = await bench(browser, resources * 3, bookings, month, Math.max(3, Math.ceil(runs / 2)))
    console.log('')
    console.log(`Planning, vue mois, médianes sur ${runs} ouvertures (Chromium, 1600 × 1000) :`)
    console.log(
      `${''.padEnd(30)}${'dessiné'.padStart(8)}${'1er api'.padStart(8)}${'données'.padStart(8)}${'→dessin'.padStart(8)}` +
        `${'nœuds'.padStart(8)}${'nœuds↕'.padStart(9)}${'img méd'.padStart(8)}${'img p95'.padStart(8)}${'img max'.padStart(8)}`,
    )
    console.log(row(`${main.dataset.resources} ressources, ${main.dataset.bookings} résa`, main))
    console.log(row(`${larger.dataset.resources} ressources, ${larger.dataset.bookings} résa`, larger))
    console.log('')
    console.log(
      `dessiné : ms de la navigation à l’image qui suit data-ready (objectif < 300 ms : ${
        main.drawnMs < 300 ? 'atteint' : 'MANQUÉ'
      }) ; 1er api : ms jusqu’au premier appel (script chargé et démarré) ; données : jusqu’à la fin de ` +
        `bookings.list ; →dessin : de l’arrivée des données au dessin (le travail du planning) ; nœuds : ` +
        `éléments du DOM une fois dessiné ; nœuds↕ : le plus vu en défilant ; img : durée des images (ms) ` +
        `pendant un défilement de 150 images.`,
    )
    if (values.json) {
      writeFileSync(values.json, `${JSON.stringify({ month, main, larger }, null, 2)}\n`)
      console.log(`JSON écrit dans ${values.json}`)
    }
  } finally {
    await browser.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
