import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TicketEventValue } from '../../src/ticket/shape.js'
import { isWellFormedEvent } from '../../src/ticket/wellFormed.js'
import { runs } from '../arbitraries/classification.js'
import { breakageTags, maybeBrokenHistory } from '../arbitraries/brokenHistory.js'

// The oracle is the codec's own guard (the generic record guard over the table of limits):
// the written-out guard replay and timeline use must give the same answer for every value.

describe('the guard replay runs on every event', () => {
  it('accepts exactly what the event codec accepts, on decided and broken events', () => {
    let accepted = 0
    let refused = 0
    const seen = new Set<string>()
    fc.assert(
      fc.property(maybeBrokenHistory, ({ events, breakages }) => {
        for (const b of breakages) seen.add(b._tag)
        // the id replay passes: that of an opening found well formed
        const opening = events[0] as { readonly ticketId?: string } | undefined
        const id = TicketEventValue.is(opening) ? opening?.ticketId : undefined
        for (const e of events) {
          const expected = TicketEventValue.is(e)
          expect(isWellFormedEvent(e)).toBe(expected)
          // with the opening's id as the id already checked: the same answer
          expect(isWellFormedEvent(e, id)).toBe(expected)
          if (expected) accepted++
          else refused++
        }
      }),
      { numRuns: runs * 3 }
    )
    // the generator reaches both answers, and every way of breaking an event
    expect(accepted).toBeGreaterThan(refused)
    expect(refused).toBeGreaterThan(runs / 4)
    expect([...seen].sort()).toStrictEqual([...breakageTags].sort())
  })

  it('agrees with the codec on any value, and never throws', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (u) => {
        expect(isWellFormedEvent(u)).toBe(TicketEventValue.is(u))
      }),
      { numRuns: runs }
    )
  })

  it('refuses a value whose getter throws, as the codec does', () => {
    const hostile = {
      _tag: 'WorkResumed',
      ticketId: 'INC-1',
      seq: 2,
      at: Date.UTC(2025, 0, 1),
      get actor(): never {
        throw new Error('no')
      }
    }
    expect(isWellFormedEvent(hostile)).toBe(false)
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    expect(isWellFormedEvent(revoked.proxy)).toBe(false)
  })
})
