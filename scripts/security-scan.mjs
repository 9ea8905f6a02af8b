// @ts-check
/**
 * `npm run test:security`: runs Electronegativity (Doyensec's scanner for Electron misconfigurations)
 * over the TypeScript sources in electron/ and fails (exit 1) on any HIGH severity finding that is
 * not a justified false positive below, on a file the scanner could not parse, or on a false-positive
 * justification that no longer holds in the sources. Prints one line per finding, in French.
 *
 * The scanner runs offline: the Electron version is read from package.json, and the check that
 * downloads Electron's release list from GitHub (AvailableSecurityFixesGlobalCheck) is left out —
 * Electron updates come through the dependency updates, not through this test.
 */
import electronegativity from '@doyensec/electronegativity'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const input = join(root, 'electron')

/**
 * Findings the scanner reports because it cannot follow a value from one file to another. Each is
 * accepted only at a line matching `at`, and only while every `proof` pattern is found in its file:
 * when the code changes so that the reason no longer holds, the finding fails the scan again.
 *
 * @type {readonly { check: string, file: string, at: RegExp, why: string, proof: readonly [string, RegExp][] }[]}
 */
const falsePositives = [
  {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main/window.ts',
    at: /new BrowserWindow\(/,
    why: 'les webPreferences viennent de secureWebPreferences() (main/security.ts), qui met contextIsolation: true ; tests/electron/main.test.ts le vérifie',
    proof: [
      ['main/window.ts', /webPreferences: secureWebPreferences\(paths\.preload\),/],
      ['main/security.ts', /^\s+contextIsolation: true,$/m],
    ],
  },
  {
    check: 'SANDBOX_JS_CHECK',
    file: 'main/window.ts',
    at: /new BrowserWindow\(/,
    why: 'secureWebPreferences() met sandbox: true, et app.enableSandbox() couvre tout renderer',
    proof: [
      ['main/window.ts', /webPreferences: secureWebPreferences\(paths\.preload\),/],
      ['main/security.ts', /^\s+sandbox: true,$/m],
    ],
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'main/window.ts',
    at: /new BrowserWindow\(/,
    why: 'un clic milieu ne peut ouvrir aucune fenêtre : hardenWebContents() refuse toute nouvelle fenêtre et toute navigation',
    proof: [
      ['main/security.ts', /setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/],
      ['main/security.ts', /on\('will-navigate', \(event\) => event\.preventDefault\(\)\)/],
    ],
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'main/security.ts',
    at: /Content-Security-Policy/,
    why: "la CSP est une variable construite dans main/csp.ts (default-src 'none'), que le scanner ne lit pas",
    proof: [['main/csp.ts', /\['default-src', "'none'"\]/]],
  },
]

/** @param {string} dir @returns {string[]} */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|js|mjs|cjs|html)$/.test(entry.name) ? [path] : []
  })
}

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const electronVersion = String(packageJson.devDependencies?.electron ?? '').replace(/^[\^~]/, '')
if (!/^\d+\.\d+\.\d+$/.test(electronVersion)) {
  console.error(
    `Version d’Electron illisible dans package.json (« ${electronVersion} ») : indiquez-la exactement.`,
  )
  process.exit(1)
}

const run = electronegativity.default ?? electronegativity
const result = await run({
  input,
  electronVersionOverride: electronVersion,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  isRelative: true,
})

/** @param {string} file @param {number} line */
function lineOf(file, line) {
  try {
    return readFileSync(join(input, file), 'utf8').split('\n')[line - 1] ?? ''
  } catch {
    return ''
  }
}

/** @param {{ id: string, file: string, location: { line: number } }} issue */
function acceptance(issue) {
  const entry = falsePositives.find(
    (fp) =>
      fp.check === issue.id && fp.file === issue.file && fp.at.test(lineOf(issue.file, issue.location.line)),
  )
  if (!entry) return { accepted: false, broken: false, why: '' }
  const broken = entry.proof.filter(
    ([file, pattern]) => !pattern.test(readFileSync(join(input, file), 'utf8')),
  )
  if (broken.length > 0) {
    const missing = broken.map(([file, pattern]) => `${file} ne contient plus ${pattern}`).join(' ; ')
    return { accepted: false, broken: true, why: `exception invalide : ${missing}` }
  }
  return { accepted: true, broken: false, why: `faux positif : ${entry.why}` }
}

const files = sourceFiles(input)
console.log(
  `Electronegativity sur ${relative(root, input)}/ (${files.length} fichiers, Electron ${electronVersion}) : ` +
    `${result.atomicChecks} contrôles par fichier, ${result.globalChecks} contrôles globaux.`,
)

const order = { HIGH: 0, MEDIUM: 1, LOW: 2, INFORMATIONAL: 3 }
const issues = [...result.issues].sort(
  (a, b) =>
    (order[a.severity.name] ?? 9) - (order[b.severity.name] ?? 9) ||
    a.file.localeCompare(b.file) ||
    a.location.line - b.location.line,
)
let blocking = 0
const bySeverity = /** @type {Record<string, number>} */ ({})
for (const issue of issues) {
  const { accepted, broken, why } = acceptance(issue)
  const severity = issue.severity.name
  bySeverity[severity] = (bySeverity[severity] ?? 0) + 1
  // A justification that no longer holds fails whatever the severity: the code it vouched for changed.
  const fails = (severity === 'HIGH' && !accepted) || broken
  if (fails) blocking++
  const mark = fails ? 'ÉCHEC ' : accepted ? 'accepté' : 'à noter'
  console.log(
    `  [${mark}] ${severity.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id} ` +
      `${issue.file}:${issue.location.line} — ${issue.description}${why ? ` (${why})` : ''}`,
  )
}
for (const error of result.errors) {
  const mark = error.tolerable ? 'à noter' : 'ÉCHEC '
  if (!error.tolerable) blocking++
  console.log(`  [${mark}] fichier non analysé ${error.file} : ${error.message}`)
}
for (const fp of falsePositives) {
  if (!issues.some((i) => i.id === fp.check && i.file === fp.file)) {
    console.log(`  [à noter] l’exception ${fp.check} (${fp.file}) ne sert plus : retirez-la du script.`)
  }
}

const counts = Object.entries(bySeverity)
  .map(([severity, n]) => `${n} ${severity}`)
  .join(', ')
if (blocking > 0) {
  console.error(
    `Analyse de sécurité Electron : ${blocking} problème(s) bloquant(s) (${counts || 'aucun constat'}). ` +
      'Corrigez le code signalé, ou, si c’est un faux positif, justifiez-le dans scripts/security-scan.mjs.',
  )
  process.exit(1)
}
console.log(`Analyse de sécurité Electron : aucun constat HIGH à corriger (${counts || 'aucun constat'}).`)
