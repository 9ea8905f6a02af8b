/**
 * `npm run serve -- [--port N] [--data-dir DIR] [--empty] [--host H]`: browser mode.
 * Prints `Listening on http://127.0.0.1:N` once ready; stops cleanly on SIGINT/SIGTERM. A data
 * folder another instance holds, or a database from a newer version, ends it with exit code 1 and
 * the backend's French message (no stack trace); a damaged database starts it in recovery mode.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { SystemStatus } from '../../shared/domain/backups'
import { defaultDataDir, openBackend } from '../backend/index'
import { startWebServer } from './server'

const usage = 'Usage : npm run serve -- [--port N] [--data-dir DOSSIER] [--empty] [--host 127.0.0.1]'

function fail(message: string): never {
  console.error(message)
  console.error(usage)
  process.exit(2)
}

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '4173' },
        'data-dir': { type: 'string' },
        empty: { type: 'boolean', default: false },
        host: { type: 'string', default: '127.0.0.1' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }))
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  if (values.help) {
    console.log(usage)
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Port invalide : ${values.port}`)
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir())
  const backend = openBackend({ dataDir, seed: values.empty ? 'empty' : 'demo', lockDataDir: true })
  const status = await backend.dispatch('system.status', {}, { channel: 'http' })
  if (status.ok && (status.value as SystemStatus).mode === 'recovery') {
    const { problem, databasePath } = status.value as SystemStatus
    console.error(`Mode récupération : ${problem ?? ''}\nFichier : ${databasePath}`)
    console.error('Ouvrez l’adresse ci-dessous pour restaurer une sauvegarde.')
  }
  const server = await startWebServer({
    backend,
    port,
    host: values.host,
    staticDir: resolve(import.meta.dirname, '../../out/web'),
  })
  console.log(`Données : ${dataDir}`)
  console.log(`Listening on ${server.url}`)
  const stop = (): void => {
    void server
      .close()
      .then(() => backend.close())
      .finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
