/**
 * `npm start`'s decisions (scripts/electron-binary.mjs, scripts/electron-native.mjs): desktop app
 * or browser mode, and where the Electron build of better-sqlite3 lives and how it is made.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import afterPack, { packagedAddonPath } from '../../scripts/after-pack'
import { BROWSER_FALLBACK_MESSAGE, locateElectron } from '../../scripts/electron-binary'
import {
  ELECTRON_HEADERS_URL,
  addonCacheDir,
  cleanBuildEnv,
  ensureElectronAddon,
  nodeGypArgs,
  prebuildArgs,
} from '../../scripts/electron-native'

const root = join(import.meta.dirname, '..', '..')

function requireReturning(electron: () => unknown, version: unknown = '41.7.1') {
  return (id: string): unknown => {
    if (id === 'electron') return electron()
    if (id === 'electron/package.json') return { version }
    throw new Error(`unexpected ${id}`)
  }
}

describe('locateElectron', () => {
  it('reports browser mode when require("electron") throws (binary never downloaded)', () => {
    const found = locateElectron({
      requireFn: requireReturning(() => {
        throw new Error('Electron failed to install correctly, please delete node_modules/electron')
      }),
    })
    expect(found.installed).toBe(false)
    expect(found.installed === false && found.reason).toContain('failed to install')
  })

  it('reports browser mode when the path it gives does not exist', () => {
    const found = locateElectron({
      requireFn: requireReturning(() => '/nowhere/electron'),
      exists: () => false,
    })
    expect(found.installed).toBe(false)
  })

  it('reports browser mode when require("electron") is not a path', () => {
    const found = locateElectron({ requireFn: requireReturning(() => ({ app: {} })), exists: () => true })
    expect(found.installed).toBe(false)
  })

  it('finds an installed binary and its version', () => {
    const found = locateElectron({
      requireFn: requireReturning(() => '/opt/electron/electron'),
      exists: () => true,
    })
    expect(found).toEqual({ installed: true, executable: '/opt/electron/electron', version: '41.7.1' })
  })

  it('falls back to browser mode with one French line', () => {
    expect(BROWSER_FALLBACK_MESSAGE).not.toContain('\n')
    expect(BROWSER_FALLBACK_MESSAGE).toMatch(
      /binaire d'Electron n'est pas installé.*mode navigateur.*npm run serve/,
    )
  })
})

describe('the Electron build of better-sqlite3', () => {
  const key = { electronVersion: '41.7.1', sqliteVersion: '12.11.1', platform: 'linux', arch: 'x64' }

  it('is cached per Electron version, better-sqlite3 version and platform, outside node_modules', () => {
    const dir = addonCacheDir('/p', key)
    expect(dir).toBe(join('/p', '.electron-native', 'electron-41.7.1_better-sqlite3-12.11.1_linux-x64'))
    expect(dir).not.toContain('node_modules')
  })

  it("drops npm's target settings (nodedir…) from the build environment, keeps the rest", () => {
    const env = cleanBuildEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.20.2',
      npm_config_runtime: 'node',
      npm_config_build_from_source: 'true',
      npm_config_node_gyp: '/npm/node-gyp.js',
      npm_config_cache: '/root/.npm',
      UNSET: undefined,
    })
    expect(env).toEqual({
      PATH: '/usr/bin',
      npm_config_node_gyp: '/npm/node-gyp.js',
      npm_config_cache: '/root/.npm',
    })
  })

  it("targets Electron's ABI and headers", () => {
    const target = { runtime: 'electron', version: '41.7.1', platform: 'win32', arch: 'x64' } as const
    expect(prebuildArgs({ ...target, distUrl: ELECTRON_HEADERS_URL, nodedir: undefined })).toEqual([
      '--runtime=electron',
      '--target=41.7.1',
      '--arch=x64',
      '--platform=win32',
    ])
    expect(nodeGypArgs({ ...target, distUrl: ELECTRON_HEADERS_URL, nodedir: undefined })).toEqual([
      'rebuild',
      '--release',
      '--target=41.7.1',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers',
    ])
  })

  it('is reused when already built, without touching node_modules', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'mutualisation-native-test-'))
    try {
      mkdirSync(cacheDir, { recursive: true })
      writeFileSync(join(cacheDir, 'better_sqlite3.node'), 'fake addon')
      const lines: string[] = []
      const addon = ensureElectronAddon({
        root,
        electronVersion: '41.7.1',
        cacheDir,
        log: (line) => lines.push(line),
      })
      expect(addon).toBe(join(cacheDir, 'better_sqlite3.node'))
      expect(lines).toEqual([])
    } finally {
      rmSync(cacheDir, { recursive: true, force: true })
    }
  })
})

describe('the packaging hook (electron-builder afterPack)', () => {
  function packagedApp(layout: 'asar' | 'plain' | 'none') {
    const dir = mkdtempSync(join(tmpdir(), 'mutualisation-pack-test-'))
    const resources = join(dir, 'linux-unpacked', 'resources')
    const inside = ['node_modules', 'better-sqlite3', 'build', 'Release']
    const release =
      layout === 'asar' ? join(resources, 'app.asar.unpacked', ...inside) : join(resources, 'app', ...inside)
    if (layout !== 'none') {
      mkdirSync(release, { recursive: true })
      writeFileSync(join(release, 'better_sqlite3.node'), 'built for Node')
    } else {
      mkdirSync(resources, { recursive: true })
    }
    const cacheDir = join(dir, 'cache')
    mkdirSync(cacheDir)
    writeFileSync(join(cacheDir, 'better_sqlite3.node'), 'built for Electron')
    const context = {
      appOutDir: join(dir, 'linux-unpacked'),
      electronPlatformName: 'linux',
      arch: 1,
      packager: {
        projectDir: root,
        info: { framework: { version: '41.7.1' } },
        getResourcesDir: (appOutDir: string) => join(appOutDir, 'resources'),
      },
    }
    return { dir, context, cacheDir, addon: join(release, 'better_sqlite3.node') }
  }

  it.each(['asar', 'plain'] as const)(
    "replaces the packaged Node addon with Electron's (%s layout)",
    (layout) => {
      const app = packagedApp(layout)
      try {
        afterPack(app.context, { cacheDir: app.cacheDir, log: () => {} })
        expect(readFileSync(app.addon, 'utf8')).toBe('built for Electron')
      } finally {
        rmSync(app.dir, { recursive: true, force: true })
      }
    },
  )

  it('explains in French when the package has no addon to replace', () => {
    const app = packagedApp('none')
    try {
      expect(() => afterPack(app.context, { cacheDir: app.cacheDir, log: () => {} })).toThrow(/asarUnpack/)
    } finally {
      rmSync(app.dir, { recursive: true, force: true })
    }
  })

  it('refuses an architecture it cannot fetch SQLite for', () => {
    const app = packagedApp('asar')
    try {
      expect(() => afterPack({ ...app.context, arch: 4 }, { cacheDir: app.cacheDir })).toThrow(/Architecture/)
      expect(packagedAddonPath(join(app.context.appOutDir, 'resources'))).toBe(app.addon)
    } finally {
      rmSync(app.dir, { recursive: true, force: true })
    }
  })
})
