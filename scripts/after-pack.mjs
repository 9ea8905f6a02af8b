// @ts-check
/**
 * electron-builder `afterPack` hook (electron-builder.yml). The packaged app gets the
 * better-sqlite3 addon built for Electron and for the target platform, in place of the copy of
 * node_modules' Node build. electron-builder's own rebuild is off (`npmRebuild: false`) because it
 * rebuilds node_modules in place, which would break `npm test` after `npm run dist`.
 * See docs/native-modules.md.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureElectronAddon } from './electron-native.mjs'

/** electron-builder's `Arch` enum values → Node / prebuild-install arch names. */
const ARCH_NAMES = /** @type {Readonly<Record<number, string>>} */ ({
  0: 'ia32',
  1: 'x64',
  2: 'arm',
  3: 'arm64',
})

/**
 * Where the packaged app keeps better-sqlite3's addon, under its resources folder: unpacked from
 * the asar (asarUnpack) or, without asar, inside `app/`.
 *
 * @param {string} resourcesDir
 * @param {(path: string) => boolean} [exists]
 * @returns {string | undefined}
 */
export function packagedAddonPath(resourcesDir, exists = existsSync) {
  const inside = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
  return [join(resourcesDir, 'app.asar.unpacked', inside), join(resourcesDir, 'app', inside)].find((path) =>
    exists(path),
  )
}

/**
 * @param {import('./after-pack').AfterPackContext} context
 * @param {Readonly<{ cacheDir?: string, log?: (line: string) => void }>} [options] for tests
 */
export default function afterPack(context, options = {}) {
  const packager = context.packager
  const root = packager.projectDir
  const arch = ARCH_NAMES[context.arch]
  if (arch === undefined) throw new Error(`Architecture non prise en charge pour SQLite : ${context.arch}`)
  const electronVersion =
    packager.info?.framework?.version ??
    /** @type {{ version: string }} */ (
      JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
    ).version
  const resourcesDir = packager.getResourcesDir(context.appOutDir)
  const target = packagedAddonPath(resourcesDir)
  if (target === undefined) {
    throw new Error(
      `better_sqlite3.node est absent du paquet (${resourcesDir}) : vérifiez « asarUnpack » dans electron-builder.yml.`,
    )
  }
  const addon = ensureElectronAddon({
    root,
    electronVersion,
    platform: context.electronPlatformName,
    arch,
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    ...(options.log === undefined ? {} : { log: options.log }),
  })
  copyFileSync(addon, target)
  ;(options.log ?? console.log)(
    `SQLite pour Electron ${electronVersion} (${context.electronPlatformName}-${arch}) placé dans ${target}`,
  )
}
