import type { Ticket } from '../../src/index.js'

/**
 * A test oracle for the SLA clocks of `Sla.examplePolicy` (with any warning thresholds), sharing no code or algorithm with the
 * library: it walks the time line minute by minute over a simple UTC calendar, reads the events
 * with its own small state machine, and counts the minutes in which a clock runs. It knows two
 * calendars (round the clock, and Monday–Friday 08:00–16:00 UTC) and two metrics (response:
 * from the opening to the first public reply, never paused; resolution: while the ticket is
 * new or in progress, paused while awaiting the customer, stopped while resolved, resumed on
 * reopening). Events must lie on whole minutes; `now` may lie anywhere.
 */

const MINUTE = 60_000
const HOUR = 3_600_000
const DAY = 86_400_000

export type OracleCalendar = 'always' | 'weekdays'

/** Whether the desk is open during the minute starting at `m` (a whole minute). */
const isOpen = (calendar: OracleCalendar, m: number): boolean => {
  if (calendar === 'always') return true
  const weekday = (Math.floor(m / DAY) + 4) % 7 // 1970-01-01 was a Thursday (4); 0 = Sunday
  const hour = Math.floor((m - Math.floor(m / DAY) * DAY) / HOUR)
  return weekday >= 1 && weekday <= 5 && hour >= 8 && hour < 16
}

const hours = (h: number) => h * HOUR
const targets: Record<'response' | 'resolution', Record<string, number>> = {
  response: { P1: hours(0.25), P2: hours(1), P3: hours(4), P4: hours(8), P5: hours(16) },
  resolution: { P1: hours(4), P2: hours(8), P3: hours(24), P4: hours(40), P5: hours(80) }
}

type Phase = 'working' | 'awaiting' | 'resolved'

export interface OracleClock {
  readonly state: 'Running' | 'Paused' | 'AtRisk' | 'Breached' | 'Met' | 'MetLate'
  readonly elapsed: number
  readonly dueAt: number | undefined
  readonly breachedAt: number | undefined
  readonly metAt: number | undefined
  readonly warnings: ReadonlyArray<{ readonly threshold: number; readonly passedAt: number }>
}

/** The phase of the resolution clock after every event at or before `t`. */
const phaseAt = (events: ReadonlyArray<Ticket.TicketEvent>, t: number): { phase: Phase; since: number } => {
  let phase: Phase = 'working'
  let since = (events[0] as Ticket.TicketEvent).at as number
  for (const e of events) {
    if (e.at > t) break
    let next: Phase = phase
    if (e._tag === 'AwaitingStarted') next = 'awaiting'
    else if (e._tag === 'WorkResumed') next = 'working'
    else if (e._tag === 'TicketResolved') next = 'resolved'
    else if (e._tag === 'TicketReopened' || e._tag === 'ResolutionRejected') next = 'working'
    if (next !== phase) {
      phase = next
      since = e.at
    }
  }
  return { phase, since }
}

/** The oracle's reading of one metric at `now`, or undefined before the opening or without a priority. */
export const oracle = (
  events: ReadonlyArray<Ticket.TicketEvent>,
  calendar: OracleCalendar,
  metric: 'response' | 'resolution',
  now: number,
  warnAt: ReadonlyArray<number> = [0.5, 0.75]
): OracleClock | undefined => {
  const opened = (events[0] as Ticket.TicketEvent).at as number
  if (now < opened) return undefined
  let priority: string | undefined
  for (const e of events)
    if (e.at <= now && (e._tag === 'PrioritySet' || e._tag === 'PriorityOverridden')) priority = e.name
  if (priority === undefined) return undefined
  const target = targets[metric][priority] as number
  const firstReply = events.find((e) => e._tag === 'PublicReplySent' && e.at <= now)?.at as number | undefined
  // does the clock count during the minute piece starting at `m`?
  const counts = (m: number): boolean =>
    metric === 'response' ? firstReply === undefined || m < firstReply : phaseAt(events, m).phase === 'working'
  // the pieces [a, b) of the time line that count, from the opening up to now
  const pieces: Array<readonly [number, number]> = []
  for (let m = opened; m < now; m += MINUTE) {
    const b = Math.min(m + MINUTE, now)
    if (isOpen(calendar, m) && counts(m)) pieces.push([m, b])
  }
  const elapsed = pieces.reduce((sum, [a, b]) => sum + (b - a), 0)
  /** The earliest instant at which the counted time reached `x`, walking the pieces. */
  const reach = (x: number): number | undefined => {
    let before = 0
    for (const [a, b] of pieces) {
      if (before + (b - a) >= x) return a + (x - before)
      before += b - a
    }
    return undefined
  }
  /** Counting on from `t` over every open minute, the instant at which `x` more has counted. */
  const onwards = (t: number, x: number): number => {
    let left = x
    let m = t
    for (;;) {
      const start = Math.floor(m / MINUTE) * MINUTE
      const end = start + MINUTE
      if (isOpen(calendar, start)) {
        if (end - m >= left) return m + left
        left -= end - m
      }
      m = end
    }
  }
  const phase = metric === 'response' ? undefined : phaseAt(events, now)
  const stopped = metric === 'response' ? firstReply !== undefined : phase?.phase === 'resolved'
  const metAt = metric === 'response' ? firstReply : stopped ? phase?.since : undefined
  const paused = !stopped && phase?.phase === 'awaiting'
  const remaining = target - elapsed
  const reached = elapsed >= target ? reach(target) : undefined
  const state: OracleClock['state'] = stopped
    ? remaining >= 0
      ? 'Met'
      : 'MetLate'
    : remaining < 0
      ? 'Breached'
      : paused
        ? 'Paused'
        : warnAt.some((w) => elapsed >= w * target)
          ? 'AtRisk'
          : 'Running'
  const dueAt =
    state === 'Paused'
      ? undefined
      : reached !== undefined
        ? reached
        : stopped
          ? onwards(metAt as number, remaining)
          : onwards(now, remaining)
  const warnings = warnAt.flatMap((w) =>
    elapsed >= w * target ? [{ threshold: w, passedAt: reach(Math.ceil(w * target)) as number }] : []
  )
  return { state, elapsed, dueAt, breachedAt: remaining < 0 ? reached : undefined, metAt, warnings }
}
