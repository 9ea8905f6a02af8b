// @ts-check
/**
 * A better-sqlite3 addon compiled for Electron's ABI, kept beside (never inside) node_modules:
 * `.electron-native/electron-<v>_better-sqlite3-<v>_<platform>-<arch>/better_sqlite3.node`.
 * node_modules/better-sqlite3 stays built for Node, so vitest and browser mode keep working, and
 * the desktop app loads this copy through better-sqlite3's `nativeBinding` option
 * (docs/native-modules.md).
 *
 * The addon is made in a temporary copy of node_modules/better-sqlite3: first by downloading the
 * project's prebuilt binary for Electron (prebuild-install, no compiler needed), else by compiling
 * it with node-gyp against Electron's headers.
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'

/** Electron's header server, for node-gyp. */
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers'

/** npm settings that would make a build target Node instead of Electron (or the reverse). */
const TARGET_SETTINGS = new Set([
  'runtime',
  'target',
  'target_arch',
  'target_platform',
  'arch',
  'platform',
  'nodedir',
  'dist_url',
  'disturl',
  'build_from_source',
])

/**
 * Folder of the cached addon for one Electron version, better-sqlite3 version and platform.
 *
 * @param {string} root the project folder
 * @param {import('./electron-native').AddonKey} key
 * @example
 *   addonCacheDir('/p', { electronVersion: '41.7.1', sqliteVersion: '12.11.1', platform: 'linux', arch: 'x64' })
 *   // '/p/.electron-native/electron-41.7.1_better-sqlite3-12.11.1_linux-x64'
 */
export function addonCacheDir(root, key) {
  return join(
    root,
    '.electron-native',
    `electron-${key.electronVersion}_better-sqlite3-${key.sqliteVersion}_${key.platform}-${key.arch}`,
  )
}

/**
 * The environment for a native build: the caller's, minus the npm settings (`npm_config_nodedir`…)
 * that `npm start` passes down and that would point the build at the wrong runtime's headers.
 *
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {Record<string, string>}
 */
export function cleanBuildEnv(env) {
  /** @type {Record<string, string>} */
  const clean = {}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue
    const match = /^npm_config_(.+)$/i.exec(name)
    if (match && TARGET_SETTINGS.has(match[1].toLowerCase().replaceAll('-', '_'))) continue
    clean[name] = value
  }
  return clean
}

/**
 * Arguments of `prebuild-install` fetching the prebuilt addon.
 *
 * @param {import('./electron-native').BuildTarget} target
 * @returns {string[]}
 */
export function prebuildArgs(target) {
  return [
    `--runtime=${target.runtime}`,
    `--target=${target.version}`,
    `--arch=${target.arch}`,
    `--platform=${target.platform}`,
  ]
}

/**
 * Arguments of `node-gyp` compiling the addon against the target's headers.
 *
 * @param {import('./electron-native').BuildTarget} target
 * @returns {string[]}
 */
export function nodeGypArgs(target) {
  const args = ['rebuild', '--release', `--target=${target.version}`, `--arch=${target.arch}`]
  if (target.distUrl !== undefined) args.push(`--dist-url=${target.distUrl}`)
  if (target.nodedir !== undefined) args.push(`--nodedir=${target.nodedir}`)
  return args
}

/**
 * Returns the path of a better-sqlite3 addon built for `electronVersion`, building it once if the
 * cache folder does not have it yet. node_modules is only read.
 *
 * @param {import('./electron-native').EnsureOptions} options
 * @returns {string} absolute path of `better_sqlite3.node`
 * @throws Error (French) when neither the download nor the compilation succeeded
 */
export function ensureElectronAddon(options) {
  const log = options.log ?? ((line) => console.log(line))
  const platform = options.platform ?? process.platform
  const arch = options.arch ?? process.arch
  const sourceDir = join(options.root, 'node_modules', 'better-sqlite3')
  const sqlitePkg = /** @type {{ version: string }} */ (
    JSON.parse(readFileSync(join(sourceDir, 'package.json'), 'utf8'))
  )
  const dir =
    options.cacheDir ??
    addonCacheDir(options.root, {
      electronVersion: options.electronVersion,
      sqliteVersion: sqlitePkg.version,
      platform,
      arch,
    })
  const addon = join(dir, 'better_sqlite3.node')
  if (existsSync(addon)) return addon

  /** @type {import('./electron-native').BuildTarget} */
  const target = {
    runtime: options.runtime ?? 'electron',
    version: options.electronVersion,
    platform,
    arch,
    distUrl: options.runtime === 'node' ? undefined : ELECTRON_HEADERS_URL,
    nodedir: options.nodedir,
  }
  const env = cleanBuildEnv(options.env ?? process.env)
  const work = mkdtempSync(join(tmpdir(), 'mutualisation-sqlite-'))
  const copy = join(work, 'better-sqlite3')
  try {
    log(`Préparation de SQLite pour ${target.runtime} ${target.version} (une seule fois, dans ${dir})…`)
    cpSync(sourceDir, copy, {
      recursive: true,
      filter: (path) => {
        const rel = relative(sourceDir, path)
        return rel !== 'build' && !rel.startsWith(`build${sep}`)
      },
    })
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node')
    const fromSqlite = createRequire(join(sourceDir, 'package.json'))
    const run = (/** @type {string} */ script, /** @type {string[]} */ args) =>
      spawnSync(process.execPath, [script, ...args], { cwd: copy, env, stdio: 'inherit' }).status === 0

    let prebuild
    try {
      prebuild = fromSqlite.resolve('prebuild-install/bin.js')
    } catch {
      prebuild = undefined
    }
    if (prebuild !== undefined && run(prebuild, prebuildArgs(target)) && existsSync(built)) {
      log('Module SQLite précompilé téléchargé.')
    } else if (platform !== process.platform || arch !== process.arch) {
      throw new Error(
        `Aucun module SQLite précompilé pour Electron ${target.version} (${platform}-${arch}) n'a pu être téléchargé, et il ne peut pas être compilé depuis ${process.platform}-${process.arch}. Vérifiez l'accès réseau, ou construisez ce paquet sur ${platform}-${arch}.`,
      )
    } else {
      log('Pas de module précompilé disponible : compilation de SQLite avec node-gyp (quelques minutes)…')
      const gyp = findNodeGyp(options.root, env)
      if (gyp === undefined) {
        throw new Error(
          'node-gyp est introuvable : installez les outils de compilation (voir docs/native-modules.md) ou utilisez « npm run serve ».',
        )
      }
      if (!run(gyp, nodeGypArgs(target)) || !existsSync(built)) {
        throw new Error(
          `La compilation de SQLite pour ${target.runtime} ${target.version} a échoué. Vérifiez l'accès réseau (en-têtes d'Electron) et les outils de compilation (Python, compilateur C++), ou utilisez « npm run serve ».`,
        )
      }
    }
    mkdirSync(dir, { recursive: true })
    const partial = `${addon}.partial`
    copyFileSync(built, partial)
    renameSync(partial, addon)
    log(`Module SQLite pour ${target.runtime} prêt : ${addon}`)
    return addon
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * node-gyp's CLI: the project's own copy if installed, else the one npm bundles
 * (`npm_config_node_gyp`, set when run through an npm script).
 *
 * @param {string} root
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {string | undefined}
 */
function findNodeGyp(root, env) {
  try {
    return createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js')
  } catch {
    const bundled = env.npm_config_node_gyp
    return bundled !== undefined && existsSync(bundled) ? bundled : undefined
  }
}
