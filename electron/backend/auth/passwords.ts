/**
 * Password hashing with Node's scrypt (RFC 7914), memory-hard so that a stolen database file costs
 * an attacker dearly per guess. N = 2^15, r = 8, p = 1: about 130 ms and 32 MiB per hash on the
 * hub's 2-core machine (measured 30/11/2026), the strongest setting under ~150 ms. The parameters are
 * stored with each hash, so that they can be raised later without invalidating existing passwords.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** Cost parameters of one hash: N = 2^log2N, block size r, parallelism p; lengths in bytes. */
export interface ScryptParams {
  readonly log2N: number
  readonly r: number
  readonly p: number
  readonly keyLength: number
  readonly saltLength: number
}

/** The parameters new hashes are made with. */
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 15, r: 8, p: 1, keyLength: 32, saltLength: 16 }

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** params.log2N,
    r: params.r,
    p: params.p,
    // scrypt needs 128 · N · r bytes; Node's default ceiling (32 MiB) is exactly that at N = 2^15.
    maxmem: 256 * 2 ** params.log2N * params.r,
  }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, params.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/**
 * Hashes a password with a fresh random salt.
 * @returns `scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>`
 * @example await hashPassword('correct horse battery') // 'scrypt$15$8$1$…$…'
 */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(params.saltLength)
  const key = await derive(password, salt, params)
  return ['scrypt', params.log2N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  )
}

const HASH_RE = /^scrypt\$(\d{1,2})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/

/**
 * Whether `password` matches a hash made by {@link hashPassword}. Compares in constant time; a hash
 * that cannot be read (or whose parameters are out of bounds) matches nothing.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = HASH_RE.exec(stored)
  if (!match) return false
  const [, log2N, r, p, saltText, keyText] = match
  const expected = Buffer.from(keyText ?? '', 'base64')
  const params: ScryptParams = {
    log2N: Number(log2N),
    r: Number(r),
    p: Number(p),
    keyLength: expected.length,
    saltLength: 0,
  }
  if (
    params.log2N < 10 ||
    params.log2N > 20 ||
    params.r < 1 ||
    params.r > 32 ||
    params.p < 1 ||
    params.p > 16
  ) {
    return false
  }
  if (expected.length < 16) return false
  const key = await derive(password, Buffer.from(saltText ?? '', 'base64'), params)
  return timingSafeEqual(key, expected)
}

let decoy: Promise<string> | null = null

/**
 * A hash of a random password, checked when the login is unknown so that a wrong login takes as
 * long as a wrong password (no timing hint of which accounts exist). Made once per process.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64'))
  return decoy
}
