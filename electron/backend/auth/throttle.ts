/**
 * Slows down password guessing: after `maxFailures` wrong attempts in a row on one login, that login
 * is refused for `lockMs`, whether the account exists or not (so the refusal says nothing about which
 * logins exist). Kept in memory: a restart forgets the counts, which costs a guesser a restart per
 * 5 tries. Every failure is also answered after a short delay (electron/backend/auth/handlers.ts).
 */

export interface ThrottleOptions {
  /** Wrong attempts in a row before the login is locked; 5 by default. */
  readonly maxFailures?: number
  /** How long a locked login stays refused, ms; 5 minutes by default. */
  readonly lockMs?: number
  /** Logins remembered at most (oldest forgotten first), so that a flood cannot exhaust memory. */
  readonly maxEntries?: number
}

interface Attempts {
  failures: number
  lockedUntilMs: number
}

/** Counts wrong sign-ins per login. Times are epoch ms from the `now` given. */
export class SignInThrottle {
  private readonly attempts = new Map<string, Attempts>()
  private readonly maxFailures: number
  private readonly lockMs: number
  private readonly maxEntries: number

  constructor(
    private readonly now: () => number,
    options: ThrottleOptions = {},
  ) {
    this.maxFailures = options.maxFailures ?? 5
    this.lockMs = options.lockMs ?? 5 * 60 * 1000
    this.maxEntries = options.maxEntries ?? 10_000
  }

  /** Minutes left (rounded up) before `login` may try again; 0 when it may try now. */
  lockedMinutes(login: string): number {
    const entry = this.attempts.get(login)
    const left = (entry?.lockedUntilMs ?? 0) - this.now()
    return left > 0 ? Math.ceil(left / 60_000) : 0
  }

  /** Records a wrong attempt; the `maxFailures`-th in a row locks the login. */
  fail(login: string): void {
    const entry = this.attempts.get(login) ?? { failures: 0, lockedUntilMs: 0 }
    this.attempts.delete(login)
    entry.failures += 1
    if (entry.failures >= this.maxFailures) {
      entry.failures = 0
      entry.lockedUntilMs = this.now() + this.lockMs
    }
    this.attempts.set(login, entry)
    if (this.attempts.size > this.maxEntries) {
      const oldest = this.attempts.keys().next().value
      if (oldest !== undefined) this.attempts.delete(oldest)
    }
  }

  /** A successful sign-in clears the count. */
  succeed(login: string): void {
    this.attempts.delete(login)
  }
}
