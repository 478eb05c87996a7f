// Laws of a ticket's notices (records `{ audience, reason }` since 0.3.0):
// - decode(encode(t)) = t through JSON, and the encoder writes the records as they are;
// - a snapshot whose notices are written in the text form of 0.1 and 0.2 ("audience/reason"),
//   any of them or all, decodes to the same ticket;
// - Notify commands record each notice once, in order: a notice already sent (same audience and
//   reason) or a blank reason is refused, in `decide` and in `replay` alike.
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Ticket } from '../../src/index.js'
import { getRight, instant } from '../helpers/unsafe.js'

// the audiences as docs/escalation.md lists them
const audiences = ['assignee', 'teamLead', 'manager'] as const
const start = instant('2025-03-07T08:00:00Z')
const kari = { role: 'agent', id: 'kari' } as const
const open: Ticket.TicketCommand = {
  _tag: 'Open',
  at: start,
  actor: kari,
  ticketId: 'INC-9' as Ticket.TicketId,
  channel: 'chat',
  customer: 'Fjord AS',
  requester: 'ola',
  title: 'VPN down'
}
const opened = getRight(Ticket.run(Ticket.defaultContext)([open]))

/** Reasons as escalation writes them, a few that repeat, and any text of 1 to 200 UTF-16 units. */
const reasonA: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('resolution:0.75', 'resolution:breach', 'priority:P1') },
  fc
    .tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }))
    .map(([a, b]) => `${a}/${b}`)
    .filter((s) => s.length >= 1),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((s) => s.length <= 200),
  fc.constantFrom('x'.repeat(200), `${'y'.repeat(199)}/`, '/', ' ', 'manager/priority:P1')
)
const noticeA: fc.Arbitrary<Ticket.Notice> = fc
  .tuple(fc.constantFrom(...audiences), reasonA)
  .map(([audience, reason]) => ({ audience, reason }))
/** A list of notices, each with whether a stored snapshot writes it in the old text form. */
const noticesA = fc.array(fc.tuple(noticeA, fc.boolean()), { maxLength: 10 })

const json = (u: unknown): unknown => JSON.parse(JSON.stringify(u))
const withNotices = (notices: ReadonlyArray<Ticket.Notice>): Ticket.Ticket => ({ ...opened, notices })
const numRuns = 200

describe('notices through the wire', () => {
  it('the generator makes long lists, reasons with slashes and at the limit, and snapshots of mixed forms', () => {
    const samples = fc.sample(noticesA, { numRuns: 1000, seed: 9 })
    const reasons = samples.flat().map(([n]) => n.reason)
    const share = (n: number, of: number) => n / of
    expect(share(samples.filter((s) => s.length >= 2).length, samples.length)).toBeGreaterThan(0.6)
    expect(share(reasons.filter((r) => r.includes('/')).length, reasons.length)).toBeGreaterThan(0.25)
    expect(share(reasons.filter((r) => r.length >= 190).length, reasons.length)).toBeGreaterThan(0.05)
    expect(share(reasons.filter((r) => r.trim() === '').length, reasons.length)).toBeGreaterThan(0.01)
    const mixed = samples.filter((s) => s.some(([, old]) => old) && s.some(([, old]) => !old))
    expect(share(mixed.length, samples.length)).toBeGreaterThan(0.4)
    const repeats = samples.filter((s) => new Set(s.map(([n]) => `${n.audience}\u0000${n.reason}`)).size < s.length)
    expect(share(repeats.length, samples.length)).toBeGreaterThan(0.15)
  })

  it('decode(encode(t)) = t through JSON, the encoder writing the records as they are', () => {
    fc.assert(
      fc.property(noticesA, (list) => {
        const ticket = withNotices(list.map(([n]) => n))
        const wire = json(Ticket.encodeTicket(ticket)) as { readonly notices?: unknown }
        expect(wire.notices).toStrictEqual(list.map(([n]) => ({ audience: n.audience, reason: n.reason })))
        expect(Ticket.decodeTicket(wire)).toStrictEqual(E.right(ticket))
      }),
      { numRuns }
    )
  })

  it('notices in the text form of 0.1 and 0.2, any of them, decode to the same ticket', () => {
    fc.assert(
      fc.property(noticesA, (list) => {
        const ticket = withNotices(list.map(([n]) => n))
        const wire = json(Ticket.encodeTicket(ticket)) as Record<string, unknown>
        // how 0.1 and 0.2 wrote a notice: the audience, a slash, the reason
        const old = list.map(([n, text]) => (text ? `${n.audience}/${n.reason}` : n))
        expect(Ticket.decodeTicket({ ...wire, notices: old })).toStrictEqual(E.right(ticket))
      }),
      { numRuns }
    )
  })
})

describe('notices from commands', () => {
  it('each notice is recorded once, in order; a repeat or a blank reason is refused, by decide and by replay', () => {
    fc.assert(
      fc.property(noticesA, (list) => {
        const notices = list.map(([n]) => n)
        const commands: ReadonlyArray<Ticket.TicketCommand> = [
          open,
          ...notices.map((n, i): Ticket.TicketCommand => ({
            _tag: 'Notify',
            at: (start + (i + 1) * 60_000) as typeof start,
            actor: { role: 'system', id: 'escalation' },
            audience: n.audience,
            reason: n.reason
          }))
        ]
        // the first notice that is blank or repeats one before it, if any
        const bad = notices.findIndex(
          (n, i) =>
            n.reason.trim() === '' ||
            notices.slice(0, i).some((m) => m.audience === n.audience && m.reason === n.reason)
        )
        const run = Ticket.runEvents(Ticket.defaultContext)(commands)
        if (bad >= 0) {
          expect(E.isLeft(run) && run.left).toMatchObject({ _tag: 'InvalidEvent', path: 'reason', seq: bad + 2 })
          // replay refuses the same event at the same place, with the same error
          const ok = getRight(Ticket.runEvents(Ticket.defaultContext)(commands.slice(0, bad + 1))).events
          const forced: Ticket.TicketEvent = {
            _tag: 'NoticeSent',
            ticketId: open.ticketId,
            seq: bad + 2,
            at: (start + (bad + 1) * 60_000) as typeof start,
            actor: { role: 'system', id: 'escalation' },
            audience: (notices[bad] as Ticket.Notice).audience,
            reason: (notices[bad] as Ticket.Notice).reason
          }
          expect(Ticket.replay()([...ok, forced])).toStrictEqual(run)
        } else {
          const { ticket, events } = getRight(run)
          expect(ticket._tag === 'Ticket' && ticket.notices).toStrictEqual(notices)
          expect(Ticket.replay()(events)).toStrictEqual(E.right(ticket))
        }
      }),
      { numRuns }
    )
  })
})
