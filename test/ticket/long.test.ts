import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { Ticket, type Time } from '../../src/index.js'

// Long histories of one kind of event: notices and problem links are checked against every
// earlier one ("already sent", "already linked"), so these are where a replay can turn
// quadratic. Correctness is asserted here; the time is measured in bench/tickets.ts.

const N = 100_000
const agent = { role: 'agent', id: 'kari' } as const
const system = { role: 'system', id: 'monitor' } as const
const start = Date.UTC(2025, 0, 6, 8)
const open: Ticket.TicketCommand = {
  _tag: 'Open',
  at: (start - 1) as Time.Instant,
  actor: agent,
  ticketId: 'INC-9' as Ticket.TicketId,
  channel: 'monitoring',
  customer: 'ACME',
  requester: 'ola',
  title: 'Flapping link',
  kind: 'incident'
}

describe('a ticket with 100 000 events of one kind', () => {
  it('100 000 notices: decided, replayed and read back; the same notice again is refused', () => {
    const commands: Ticket.TicketCommand[] = [open]
    for (let i = 0; i < N; i++)
      commands.push({
        _tag: 'Notify',
        at: (start + i) as Time.Instant,
        actor: system,
        audience: 'manager',
        reason: `resolution:${i}`
      })
    const run = Ticket.runEvents(Ticket.defaultContext)(commands)
    const { events, ticket } = E.isRight(run) ? run.right : expect.fail(E.isLeft(run) ? run.left.message : '')
    expect(events.length).toBe(N + 1)
    const replayed = Ticket.replay(Ticket.defaultContext)(events)
    expect(replayed).toStrictEqual(E.right(ticket))
    const t = ticket as Ticket.Ticket
    expect([t.version, t.notices.length, t.notices[N - 1]]).toStrictEqual([
      N + 1,
      N,
      { audience: 'manager', reason: `resolution:${N - 1}` }
    ])
    const again = Ticket.decide(
      {
        _tag: 'Notify',
        at: (start + N) as Time.Instant,
        actor: system,
        audience: 'manager',
        reason: 'resolution:12345'
      },
      Ticket.defaultContext
    )(t)
    expect(E.mapLeft((e: Ticket.TicketError) => e._tag)(again)).toStrictEqual(E.left('InvalidEvent'))
  })

  it('100 000 problem links: replayed in order; a link made twice is refused at its index', () => {
    const commands: Ticket.TicketCommand[] = [open]
    for (let i = 0; i < N; i++)
      commands.push({
        _tag: 'LinkProblem',
        at: (start + i) as Time.Instant,
        actor: agent,
        problemId: `PRB-${i}` as Ticket.TicketId
      })
    const run = Ticket.runEvents(Ticket.defaultContext)(commands)
    const events = E.isRight(run) ? run.right.events : expect.fail('links are accepted')
    const replayed = Ticket.replay()(events)
    expect(
      E.map((t: Ticket.Ticket) => [t.problemIds.length, t.problemIds[0], t.problemIds[N - 1]])(replayed)
    ).toStrictEqual(E.right([N, 'PRB-0', `PRB-${N - 1}`]))
    const twice = [...events, { ...(events[5] as Ticket.TicketEvent), seq: N + 2, at: (start + N) as Time.Instant }]
    expect(E.mapLeft((e: Ticket.TicketError) => e.message)(Ticket.replay()(twice))).toStrictEqual(
      E.left(
        'ticket INC-9, event 100002 (LinkedToProblem at 2025-01-06T08:01:40Z): problemId: expected a problem not linked yet, received "PRB-4"'
      )
    )
  })
})
