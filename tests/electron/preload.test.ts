/**
 * The preload exposes exactly one thing to the page, the typed `window.api` client derived from
 * the contract, and every call goes through the single `api` IPC channel.
 */
import { describe, expect, it, vi } from 'vitest'
import { methodNames } from '../../shared/api/contract'

const fake = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: [] })),
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: fake.exposeInMainWorld },
  ipcRenderer: { invoke: fake.invoke, send: vi.fn(), on: vi.fn(), sendSync: vi.fn() },
}))

await import('../../electron/preload/index')

type Leaf = (input: unknown) => Promise<unknown>
type Exposed = Record<string, Record<string, Leaf>>

function exposedApi(): Exposed {
  return fake.exposeInMainWorld.mock.calls[0]![1] as Exposed
}

describe('preload', () => {
  it('exposes exactly one key, api', () => {
    expect(fake.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(fake.exposeInMainWorld.mock.calls[0]![0]).toBe('api')
  })

  it("has the contract's methods as its leaves, and nothing else", () => {
    const api = exposedApi()
    const leaves: string[] = []
    for (const [namespace, functions] of Object.entries(api)) {
      for (const [name, fn] of Object.entries(functions)) {
        expect(typeof fn).toBe('function')
        leaves.push(`${namespace}.${name}`)
      }
    }
    expect(leaves.sort()).toEqual([...methodNames].sort())
  })

  it('never hands out ipcRenderer or its functions', () => {
    const api = exposedApi()
    const values = Object.values(api).flatMap((functions) => Object.values(functions))
    expect(values).not.toContain(fake.invoke)
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i)
  })

  it("calls ipcRenderer.invoke('api', method, input) and returns its envelope", async () => {
    const api = exposedApi()
    const input = {
      communeId: 'c1',
      title: 'Fête de la musique',
      start: '2027-06-21',
      end: '2027-06-21',
      items: [],
    }
    fake.invoke.mockResolvedValueOnce({ ok: true, value: { id: 'b1' } })
    await expect(api.bookings!.create!(input)).resolves.toEqual({ ok: true, value: { id: 'b1' } })
    expect(fake.invoke).toHaveBeenLastCalledWith('api', 'bookings.create', input)

    await api.communes!.list!({})
    expect(fake.invoke).toHaveBeenLastCalledWith('api', 'communes.list', {})
    expect(fake.invoke.mock.calls.every((call) => call[0] === 'api')).toBe(true)
  })
})
