/**
 * The plausible ticket lives the benchmarks run on (`tickets.ts`, `report.ts`, `cli.ts`): about
 * 20 commands each — opening, priority, assignment, replies, notes, waits, sometimes an
 * escalation, the resolution — decided into events. Each benchmark picks its spread and ending.
 */
import * as E from 'fp-ts/lib/Either.js'
import { Ticket, type Time } from '../src/index.js'

const DAY = 86_400_000
const agent = { role: 'agent', id: 'kari' } as const
const customer = { role: 'customer', id: 'ola' } as const
const levels = ['high', 'medium', 'low']

/** How a benchmark's tickets are spread and how they end. */
export interface HistoryShape {
  /** The first day a ticket may be opened on (epoch ms, UTC midnight). */
  readonly start: number
  /** Tickets open on one of this many days from `start`. */
  readonly days: number
  /** Open at a random time of that day, not at midnight. */
  readonly anyTimeOfDay: boolean
  /** Customers `C0` … `C<n-1>`, by ticket number. */
  readonly customers: number
  /** Share of tickets whose first resolution the customer rejects (then resolved again). */
  readonly rejected: number
  /** The customer confirms the resolution. */
  readonly confirmed: boolean
  /** Share of tickets the customer rates, with a score drawn from `scores`. */
  readonly rated: number
  readonly scores: ReadonlyArray<number>
}

/** A generator of ticket histories of one shape, drawing from `rand` (a seeded generator). */
export const historiesOf =
  (rand: () => number, shape: HistoryShape) =>
  (n: number): ReadonlyArray<Ticket.TicketEvent> => {
    const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(rand() * xs.length)] as A
    let at = shape.start + Math.floor(rand() * shape.days) * DAY
    if (shape.anyTimeOfDay) at += Math.floor(rand() * DAY)
    const next = (): Time.Instant => (at += Math.floor(rand() * 3_600_000)) as Time.Instant
    const commands: Ticket.TicketCommand[] = [
      {
        _tag: 'Open',
        at: next(),
        actor: agent,
        ticketId: `INC-${n}` as Ticket.TicketId,
        channel: pick(['phone', 'email', 'portal', 'chat'] as const),
        customer: `C${n % shape.customers}`,
        requester: 'ola',
        title: 'Something is broken',
        kind: 'incident'
      },
      { _tag: 'Prioritise', at: next(), actor: agent, urgency: pick(levels), impact: pick(levels) },
      { _tag: 'Assign', at: next(), actor: agent, assignee: 'kari' },
      { _tag: 'Reply', at: next(), actor: agent, message: 'Looking into it' }
    ]
    for (let i = 0; i < 6; i++) {
      commands.push({ _tag: 'AddNote', at: next(), actor: agent, note: 'Checked the logs' })
      if (rand() < 0.4)
        commands.push(
          { _tag: 'Await', at: next(), actor: agent, party: pick(['customer', 'thirdParty'] as const) },
          { _tag: 'Resume', at: next(), actor: agent }
        )
      else commands.push({ _tag: 'Reply', at: next(), actor: agent, message: 'Update: still working on it' })
    }
    if (rand() < 0.3)
      commands.push({ _tag: 'Escalate', at: next(), actor: agent, toTier: 'L2', note: 'Needs a network specialist' })
    commands.push({ _tag: 'Resolve', at: next(), actor: agent, code: 'fixed', note: 'Replaced the switch' })
    if (shape.rejected > 0 && rand() < shape.rejected)
      commands.push(
        { _tag: 'Reject', at: next(), actor: customer, reason: 'Still broken' },
        { _tag: 'Resolve', at: next(), actor: agent, code: 'fixed', note: 'Really fixed' }
      )
    if (shape.confirmed) commands.push({ _tag: 'Confirm', at: next(), actor: customer })
    if (shape.rated > 0 && rand() < shape.rated)
      commands.push({ _tag: 'Rate', at: next(), actor: customer, score: pick(shape.scores) })
    const result = Ticket.runEvents(Ticket.defaultContext)(commands)
    if (E.isLeft(result)) throw new Error(`bench history ${n} is invalid: ${result.left.message}`)
    return result.right.events
  }
