// @ts-check
/**
 * `npm start`: the desktop app when the Electron binary is installed, browser mode otherwise.
 *
 * Desktop: builds with electron-vite, makes sure a better-sqlite3 addon compiled for Electron
 * exists in .electron-native/ (node_modules keeps Node's build, for the tests), then launches
 * Electron with MUTUALISATION_SQLITE_BINDING pointing at that addon. See docs/native-modules.md.
 *
 * Arguments after `--` go to the app (Electron) or to `npm run serve` (e.g. `--port 5180`).
 */
import { spawn, spawnSync } from 'node:child_process'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BROWSER_FALLBACK_MESSAGE, locateElectron } from './electron-binary.mjs'
import { ensureElectronAddon } from './electron-native.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const args = process.argv.slice(2)

/**
 * How to run an npm script from here: through the npm that started us when there is one
 * (`npm start` sets `npm_execpath`), else the `npm` on the PATH.
 *
 * @param {string[]} npmArgs e.g. `['run', 'serve', '--', '--port', '5180']`
 * @returns {[string, string[]]} command and arguments for `spawn`
 */
function npmCommand(npmArgs) {
  const npmCli = process.env.npm_execpath
  if (npmCli !== undefined && /\.[cm]?js$/.test(npmCli)) return [process.execPath, [npmCli, ...npmArgs]]
  if (process.platform === 'win32') return ['cmd.exe', ['/d', '/s', '/c', 'npm', ...npmArgs]]
  return ['npm', npmArgs]
}

/**
 * Runs a child with inherited stdio and ends this process with the child's exit code.
 *
 * @param {string} command
 * @param {string[]} commandArgs
 * @param {NodeJS.ProcessEnv} env
 */
function runAndExit(command, commandArgs, env) {
  const child = spawn(command, commandArgs, { cwd: root, env, stdio: 'inherit' })
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => child.kill(signal))
  }
  child.on('error', (error) => {
    console.error(`Impossible de lancer ${command} : ${error.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

function startBrowserMode() {
  console.log(BROWSER_FALLBACK_MESSAGE)
  const [command, commandArgs] = npmCommand(['run', 'serve', '--', ...args])
  runAndExit(command, commandArgs, process.env)
}

function startDesktop(/** @type {string} */ executable, /** @type {string} */ version) {
  const [command, commandArgs] = npmCommand(['run', 'build'])
  const build = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) {
    console.error("La construction de l'application a échoué (voir ci-dessus).")
    process.exit(build.status ?? 1)
  }
  let addon
  try {
    addon = ensureElectronAddon({ root, electronVersion: version })
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, MUTUALISATION_SQLITE_BINDING: addon }
  delete env.ELECTRON_RUN_AS_NODE
  runAndExit(executable, ['.', ...args], env)
}

const electron = locateElectron()
if (electron.installed) {
  startDesktop(electron.executable, electron.version)
} else {
  startBrowserMode()
}
