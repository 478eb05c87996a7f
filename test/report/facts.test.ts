/**
 * The report's one adapter to tickets follows the ticket model: for every generated history and
 * instant, the facts agree with the ticket `Ticket.replay` rebuilds from the history cut there.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Ticket, Workaround } from '../../src/index.js'
import { factsOf } from '../../src/report/facts.js'
import { agreements, at } from './desk.js'
import { historyArb } from './histories.js'

const agreement = agreements[0] as (typeof agreements)[number]
const standing = (s: Ticket.Status['_tag']) =>
  s === 'Resolved' ? 'resolved' : s === 'Closed' ? 'closed' : s === 'Cancelled' ? 'cancelled' : 'open'

describe('facts of a ticket', () => {
  it('agree with the replayed ticket at every instant', () => {
    const seen = { reopened: 0, onWorkaround: 0, knownError: 0, resolved: 0, closed: 0, cancelled: 0, escalated: 0 }
    fc.assert(
      fc.property(historyArb(1), fc.integer({ min: at('2025-02-10T00:00'), max: at('2025-04-20T00:00') }), (h, t) => {
        const cut = h.filter((e) => e.at <= t)
        const facts = factsOf(h, agreement, t)
        const f = E.isRight(facts) ? facts.right : undefined
        if (cut.length === 0) {
          expect(f).toBeUndefined()
          return
        }
        const ticket = Ticket.replay()(cut)
        if (E.isLeft(ticket) || f === undefined) throw new Error('a generated history replays')
        const k = ticket.right
        expect([f.standing, f.kind, f.category, f.priority]).toStrictEqual([
          standing(k.status._tag),
          k.kind,
          k.category,
          k.priority?.name
        ])
        expect([
          f.reopenings.length,
          f.escalations.length,
          f.resolutions.at(-1),
          f.ratings.at(-1)?.score
        ]).toStrictEqual([k.reopenCount, k.escalationCount, k.resolvedAt, k.rating?.score])
        expect(f.onWorkaroundSince).toBe(Workaround.isOnWorkaround(k) ? k.workaround?.appliedAt : undefined)
        expect(f.knownErrorOpen).toBe(Workaround.isKnownError(k) && standing(k.status._tag) === 'open')
        seen.reopened += f.reopenings.length > 0 ? 1 : 0
        seen.onWorkaround += f.onWorkaroundSince !== undefined ? 1 : 0
        seen.knownError += f.knownErrorOpen ? 1 : 0
        seen[f.standing === 'open' ? 'escalated' : f.standing] +=
          f.standing === 'open' ? (f.escalations.length > 0 ? 1 : 0) : 1
      }),
      { numRuns: 600, seed: 4242 }
    )
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(5)
  })

  it('a history that breaks a rule is the ticket error', () => {
    const h = [
      {
        _tag: 'TicketOpened',
        ticketId: 'INC-1',
        seq: 1,
        at: at('2025-03-03T09:00'),
        actor: { role: 'agent', id: 'kari' },
        channel: 'phone',
        customer: 'Fjord AS',
        requester: 'ola',
        title: 'x',
        tier: 'L1'
      },
      {
        _tag: 'TicketClosed',
        ticketId: 'INC-1',
        seq: 2,
        at: at('2025-03-03T09:05'),
        actor: { role: 'agent', id: 'kari' },
        reason: 'confirmed'
      }
    ] as unknown as ReadonlyArray<Ticket.TicketEvent>
    const checked = factsOf(h, agreement, at('2025-03-04T00:00'))
    expect(E.isLeft(checked) && checked.left._tag).toBe('ImpossibleEvent')
  })
})
