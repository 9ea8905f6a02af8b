/**
 * electron-vite 6 build of the desktop app (`npm run build`), without needing the Electron binary:
 * - main: electron/main/index.ts → out/main/index.js (ESM, the package is "type": "module");
 *   dependencies stay external and load from node_modules, better-sqlite3 among them (native addon);
 * - preload: electron/preload/index.ts → out/preload/index.cjs, CommonJS and self-contained (zod
 *   and the contract bundled in), because a sandboxed preload can only `require('electron')`;
 * - renderer: renderer/index.html → out/renderer, React, with the CSP also written as a `<meta>`.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { contentSecurityPolicyMeta } from './electron/main/csp'

const root = import.meta.dirname

/**
 * Writes the renderer's Content-Security-Policy as a `<meta>` tag right after `<meta charset>`
 * (first in `<head>` when there is none), so it applies before any script is fetched.
 */
function cspMetaTag(): Plugin {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicyMeta()}" />`
  return {
    name: 'mutualisation:csp-meta',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const charset = /<meta\s+charset=[^>]*>/i
        if (charset.test(html)) return html.replace(charset, (found) => `${found}\n    ${tag}`)
        return html.replace(/<head[^>]*>/i, (found) => `${found}\n    ${tag}`)
      },
    },
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
})
