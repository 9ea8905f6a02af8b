/**
 * A second process for the concurrency test: opens the same database file, says `ready`, waits for
 * `go` on stdin, makes one call (a booking by default) and prints the envelope as JSON.
 * Usage: node --import tsx book-once.ts <dataDir> <json input> [method, default bookings.create]
 */
import { createInterface } from 'node:readline'
import { openBackend } from '../../../electron/backend/index'

const [dataDir, input, method = 'bookings.create'] = process.argv.slice(2)
if (!dataDir || !input) throw new Error('usage: book-once.ts <dataDir> <input>')
const backend = openBackend({ dataDir, seed: 'empty' })
const lines = createInterface({ input: process.stdin })
process.stdout.write('ready\n')
lines.on('line', (line) => {
  if (line !== 'go') return
  void backend.dispatch(method, JSON.parse(input), { channel: 'test' }).then((result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`)
    backend.close()
    lines.close()
  })
})
