/**
 * Builds the renderer (React UI) for browser mode: `renderer/` → `out/web`, served by
 * `electron/web` together with the API at `POST /api/<method>`. Relative asset paths (`base: './'`)
 * so that the same bundle also loads from `file://` in Electron.
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('./renderer', import.meta.url))
const outDir = fileURLToPath(new URL('./out/web', import.meta.url))

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
})
