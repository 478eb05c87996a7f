import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { Ticket, type Time } from '../../src/index.js'

/**
 * Realistic histories for SLA and escalation clocks: an incident opened and prioritised at once,
 * then replies, waits for the customer (and their end), escalations, resolutions, reopenings and
 * confirmations, at whole minutes (so a minute-by-minute oracle is exact), and an evaluation
 * instant somewhere in or after the history — sometimes exactly at an event.
 *
 * Every step is chosen among the commands the ticket accepts in its state, so every history
 * replays; the generator keeps its own small record of the state (independent of the library's).
 */

const MINUTE = 60_000
const kari = { role: 'agent', id: 'kari' } as const
const ola = { role: 'customer', id: 'ola' } as const

type Phase = 'working' | 'awaiting' | 'resolved' | 'closed'

export interface ClockCase {
  readonly events: ReadonlyArray<Ticket.TicketEvent>
  readonly now: Time.Instant
  /** The instants of the events, for tests that evaluate at each of them. */
  readonly instants: ReadonlyArray<Time.Instant>
}

/** A gap between two events: mostly minutes to hours, sometimes days, sometimes none. */
const gap = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 45 }) },
  { weight: 6, arbitrary: fc.integer({ min: 45, max: 8 * 60 }) },
  { weight: 3, arbitrary: fc.integer({ min: 8 * 60, max: 4 * 24 * 60 }) }
)

const step = fc.record({ choice: fc.nat({ max: 99 }), gap })

/** Turns the drawn steps into commands the ticket accepts. */
const commandsOf = (
  start: number,
  urgency: string,
  impact: string,
  steps: ReadonlyArray<{ readonly choice: number; readonly gap: number }>
): ReadonlyArray<Ticket.TicketCommand> => {
  let at = start
  let phase: Phase = 'working'
  let tier = 0
  const tiers = ['L1', 'L2', 'solution team']
  const out: Ticket.TicketCommand[] = [
    {
      _tag: 'Open',
      at: at as Time.Instant,
      actor: kari,
      ticketId: 'INC-1' as Ticket.TicketId,
      channel: 'phone',
      customer: 'Fjord AS',
      requester: 'ola',
      title: 'VPN drops',
      kind: 'incident'
    },
    { _tag: 'Prioritise', at: at as Time.Instant, actor: kari, urgency, impact }
  ]
  for (const s of steps) {
    at += s.gap * MINUTE
    const t = at as Time.Instant
    const c = s.choice
    switch (phase) {
      case 'working':
        if (c < 25) out.push({ _tag: 'Reply', at: t, actor: kari, message: 'We are looking at it' })
        else if (c < 47) {
          out.push({ _tag: 'Await', at: t, actor: kari, party: 'customer', reason: 'Screenshot requested' })
          phase = 'awaiting'
        } else if (c < 60 && tier < tiers.length - 1) {
          tier++
          out.push({
            _tag: 'Escalate',
            at: t,
            actor: kari,
            toTier: tiers[tier] as string,
            note: 'Logs attached; drops every 5 minutes'
          })
        } else if (c < 90) {
          out.push({ _tag: 'Resolve', at: t, actor: kari, code: 'fixed', note: 'Driver updated' })
          phase = 'resolved'
        } else out.push({ _tag: 'AddNote', at: t, actor: kari, note: 'Checked the firewall' })
        break
      case 'awaiting':
        if (c < 80) {
          out.push({ _tag: 'Resume', at: t, actor: ola })
          phase = 'working'
        } else {
          out.push({ _tag: 'Resolve', at: t, actor: kari, code: 'fixed', note: 'Solved while waiting' })
          phase = 'resolved'
        }
        break
      case 'resolved':
        if (c < 45) {
          out.push(
            c < 25
              ? { _tag: 'Reopen', at: t, actor: kari, reason: 'It came back' }
              : { _tag: 'Reject', at: t, actor: ola, reason: 'Still broken' }
          )
          phase = 'working'
        } else if (c < 70) {
          out.push({ _tag: 'Confirm', at: t, actor: ola })
          phase = 'closed'
        }
        break
      case 'closed':
        break
    }
  }
  return out
}

/** Every priority of the ITIL matrix is reached: P1 (high × high) to P5 (low × low). */
const levels = fc.constantFrom('high', 'high', 'medium', 'medium', 'low')

/**
 * A realistic incident history at whole minutes, with an evaluation instant: at an event, between
 * an event and the next, during a wait for the customer, or anywhere from the opening to a day after the last event.
 */
export const clockCase: fc.Arbitrary<ClockCase> = fc
  .record({
    // Mondays to Sundays in 2025 at whole minutes
    start: fc
      .integer({ min: Date.UTC(2025, 0, 6) / MINUTE, max: Date.UTC(2025, 11, 1) / MINUTE })
      .map((m) => m * MINUTE),
    urgency: levels,
    impact: levels,
    steps: fc.array(step, { minLength: 1, maxLength: 14 }),
    when: fc.oneof(
      { weight: 1, arbitrary: fc.record({ atEvent: fc.nat() }) },
      { weight: 2, arbitrary: fc.record({ inWait: fc.nat(), share: fc.integer({ min: 0, max: 999 }) }) },
      { weight: 2, arbitrary: fc.record({ afterEvent: fc.nat(), share: fc.integer({ min: 1, max: 999 }) }) },
      {
        weight: 1,
        arbitrary: fc.record({ share: fc.integer({ min: 0, max: 1000 }), extra: fc.integer({ min: 0, max: 24 * 60 }) })
      },
      { weight: 2, arbitrary: fc.record({ share: fc.constant(1000), extra: fc.integer({ min: 60, max: 6 * 60 }) }) }
    )
  })
  .map(({ start, urgency, impact, steps, when }) => {
    const run = Ticket.runEvents(Ticket.defaultContext)(commandsOf(start, urgency, impact, steps))
    if (E.isLeft(run)) throw new Error(`the clock generator made a history the ticket refuses: ${run.left.message}`)
    const events = run.right.events
    const instants = events.map((e) => e.at)
    const last = instants[instants.length - 1] as number
    // the positions of the waits, to evaluate while one lasts
    const waits = events.flatMap((e, i) => (e._tag === 'AwaitingStarted' ? [i] : []))
    const between = (i: number, share: number): number => {
      // somewhere between an event and the next one (or a day after the last)
      const a = instants[i % instants.length] as number
      const b = (instants[(i % instants.length) + 1] as number | undefined) ?? a + 24 * 60 * MINUTE
      return a + Math.round(((b - a) * share) / 1000 / MINUTE) * MINUTE
    }
    const now =
      'atEvent' in when
        ? (instants[when.atEvent % instants.length] as number)
        : 'afterEvent' in when
          ? between(when.afterEvent, when.share)
          : 'inWait' in when
            ? between(waits.length === 0 ? when.inWait : (waits[when.inWait % waits.length] as number), when.share)
            : start + Math.round(((last - start) * when.share) / 1000 / MINUTE) * MINUTE + when.extra * MINUTE
    return { events, now: now as Time.Instant, instants }
  })
