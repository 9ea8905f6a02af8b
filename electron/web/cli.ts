/**
 * `npm run serve -- [--port N] [--data-dir DIR] [--empty] [--host H]`: browser mode.
 * Prints `Listening on http://127.0.0.1:N` once ready; stops cleanly on SIGINT/SIGTERM.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
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
  const backend = openBackend({ dataDir, seed: values.empty ? 'empty' : 'demo' })
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
