// The fast event decoder of the command line agrees with the io-ts codec (`Ticket.decodeEvent`)
// on every input: the same Right (deep-equal value) or the same Left (paths and messages).
// Inputs: wire events of every type built here from the documented shapes, and mutations of
// them (a field removed, added, retyped or given an edge value; instants in many spellings).
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Ticket } from '../../src/index.js'
import { decodeEvent, tryFast } from '../../src/cli/fastDecode.js'

/** Mostly good values, sometimes an edge or a bad one: each field is valid about 19 times in 20. */
const mostly = <A>(good: fc.Arbitrary<A>, edge: fc.Arbitrary<A>) => fc.oneof({ weight: 19, arbitrary: good }, { weight: 1, arbitrary: edge })
const idA = mostly(fc.constantFrom('INC-1', 'FJR-1009', 'a', 'P 1', 'x'.repeat(100)), fc.oneof(fc.constantFrom(' x', 'x ', '', 'é', 'x'.repeat(101)), fc.string({ minLength: 1, maxLength: 12 })))
const nameA = mostly(fc.constantFrom('kari', 'Fjord Regnskap AS', 'L2', 'x'.repeat(200)), fc.oneof(fc.constantFrom('', 'x'.repeat(201)), fc.string({ maxLength: 10 })))
const textA = mostly(fc.oneof(fc.constantFrom('', 'On it', 'x'.repeat(100_000)), fc.string({ maxLength: 10 })), fc.constant('x'.repeat(100_001)))
const pad = (n: number, w = 2) => String(n).padStart(w, '0')
/** Instants in the spellings logs use, valid or not (Feb 29, 24:00, offsets, fractions, lowercase z, no seconds, range ends). */
const isoA = fc.oneof(
  { weight: 1, arbitrary: fc
    .record({
      y: fc.oneof(fc.integer({ min: 1899, max: 2201 }), fc.constantFrom(1900, 2000, 2024, 2100, 2200)),
      mo: fc.integer({ min: 0, max: 13 }),
      d: fc.integer({ min: 0, max: 32 }),
      h: fc.integer({ min: 0, max: 24 }),
      mi: fc.integer({ min: 0, max: 60 }),
      s: fc.integer({ min: 0, max: 60 }),
      frac: fc.constantFrom('', '.5', '.123', '.1234', ',5'),
      off: fc.constantFrom('Z', 'z', '+01:00', '-05:30', '+14:00', '+15:00', '+0100', '+01', '-00:00', '+05:45')
    })
    .map(({ y, mo, d, h, mi, s, frac, off }) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${frac}${off}`) },
  { weight: 1, arbitrary: fc.constantFrom('2026-03-02T09:00Z', '2026-03-02 09:00:00Z', '2026-03-02T09:00:00', '1900-01-01T00:00:00Z', '2200-01-01T00:00:00Z', '2200-01-01T00:00:00.001Z', '1899-12-31T23:00:00-01:00') },
  { weight: 8, arbitrary: fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()) }
)
const actorA = fc.record({ role: mostly(fc.constantFrom('agent', 'customer', 'system'), fc.constant('robot')), id: nameA })
const pick = <A>(...xs: A[]) => fc.constantFrom(...xs)

const fields: Record<string, { readonly required: Record<string, fc.Arbitrary<unknown>>; readonly optional?: Record<string, fc.Arbitrary<unknown>> }> = {
  TicketOpened: {
    required: { channel: pick('phone', 'chat', 'email', 'portal', 'monitoring'), customer: nameA, requester: nameA, title: textA, tier: nameA },
    optional: { service: nameA, affectedUsers: mostly(fc.integer({ min: 0, max: 2000 }), pick(-1, 1e9 + 1)), kind: pick('incident', 'serviceRequest', 'question', 'problem', 'feedback'), requestedBy: pick('2026-03-02', '2026-02-30') }
  },
  TicketClassified: { required: { kind: pick('incident', 'question') }, optional: { category: nameA } },
  PrioritySet: { required: { urgency: nameA, impact: nameA, rank: mostly(fc.integer({ min: 1, max: 1000 }), pick(0, 1001)), name: nameA, label: textA } },
  PriorityOverridden: { required: { rank: fc.integer({ min: 1, max: 5 }), name: nameA, label: textA, reason: textA } },
  TicketAssigned: { required: { assignee: nameA } },
  TicketEscalated: { required: { toTier: nameA, note: textA }, optional: { assignee: nameA } },
  PublicReplySent: { required: { message: textA } },
  InternalNoteAdded: { required: { note: textA } },
  AwaitingStarted: { required: { party: mostly(pick('customer', 'thirdParty', 'vendor'), pick('nobody')) }, optional: { reason: textA } },
  WorkResumed: { required: {} },
  WorkaroundApplied: { required: { description: textA }, optional: { problemId: idA } },
  WorkaroundWithdrawn: { required: { reason: textA } },
  RootCauseIdentified: { required: { rootCause: textA } },
  TicketResolved: { required: { code: pick('fixed', 'workaround', 'answered', 'fulfilled', 'noFaultFound', 'duplicate', 'cancelledByCustomer', 'other'), note: textA } },
  ResolutionRejected: { required: { reason: textA } },
  TicketReopened: { required: { reason: textA } },
  TicketClosed: { required: { reason: pick('confirmed', 'silence') } },
  TicketCancelled: { required: { reason: textA } },
  TicketRated: { required: { score: mostly(fc.integer({ min: 1, max: 5 }), pick(0, 6)) }, optional: { comment: textA } },
  LinkedToProblem: { required: { problemId: idA } },
  NoticeSent: { required: { audience: pick('assignee', 'teamLead', 'manager'), reason: nameA } }
}
const tags = Object.keys(fields)

const eventA: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(...tags).chain((tag) => {
  const f = fields[tag] as (typeof fields)[string]
  return fc
    .record({
      head: fc.record({ ticketId: idA, seq: mostly(fc.integer({ min: 1, max: 50 }), pick(0, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1)), at: isoA, actor: actorA }),
      req: fc.record(f.required),
      opt: fc.record(f.optional ?? {}, { requiredKeys: [] })
    })
    .map(({ head, req, opt }) => ({ _tag: tag, ...head, ...req, ...opt }))
})

type Mutation = (e: Record<string, unknown>) => unknown
const mutationA: fc.Arbitrary<{ readonly name: string; readonly apply: Mutation }> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ name: 'none', apply: (e: Record<string, unknown>) => e }) },
  fc.nat().map((i) => ({ name: 'drop a field', apply: (e: Record<string, unknown>) => { const k = Object.keys(e)[i % Object.keys(e).length] as string; const { [k]: _, ...rest } = e; return rest } })),
  fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 1 })).map(([i, v]) => ({ name: 'retype a field', apply: (e: Record<string, unknown>) => ({ ...e, [Object.keys(e)[i % Object.keys(e).length] as string]: v }) })),
  fc.tuple(fc.constantFrom('extra', 'customer', 'title', 'kind', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 1 })).map(([k, v]) => ({ name: 'add a field', apply: (e: Record<string, unknown>) => JSON.parse(JSON.stringify({ ...e, [k]: v })) as unknown })),
  fc.constantFrom(...tags).map((t) => ({ name: 'another tag', apply: (e: Record<string, unknown>) => ({ ...e, _tag: t }) })),
  fc.jsonValue({ maxDepth: 1 }).map((v) => ({ name: 'actor', apply: (e: Record<string, unknown>) => ({ ...e, actor: typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...(e.actor as object), ...v } : v }) })),
  fc.jsonValue({ maxDepth: 2 }).map((v) => ({ name: 'not an event', apply: () => v })),
  fc.constant({ name: 'undefined optional', apply: (e: Record<string, unknown>) => ({ ...e, comment: undefined, service: undefined }) }),
  fc.constant({ name: '__proto__ key from JSON', apply: (e: Record<string, unknown>) => JSON.parse(JSON.stringify(e).replace(/^\{/u, '{"__proto__":{"x":1},')) as unknown })
)

describe('the fast event decoder', () => {
  it('agrees with Ticket.decodeEvent on valid and mutated events (same Right, same Left)', () => {
    const counts = { total: 0, codecAccepts: 0, codecRejects: 0, fastAccepts: 0, fastDeclinesValid: 0, mutated: 0 }
    const byTag = new Map<string, number>()
    fc.assert(
      fc.property(eventA, mutationA, (event, mutation) => {
        const input = mutation.apply(event)
        const expected = Ticket.decodeEvent(input)
        const actual = decodeEvent(input)
        expect(actual).toStrictEqual(expected)
        counts.total++
        if (mutation.name !== 'none') counts.mutated++
        const fast = tryFast(input)
        if (fast !== undefined) {
          counts.fastAccepts++
          byTag.set(String(event._tag), (byTag.get(String(event._tag)) ?? 0) + 1)
        }
        if (expected._tag === 'Right') {
          counts.codecAccepts++
          if (fast === undefined) counts.fastDeclinesValid++
        } else counts.codecRejects++
        // the fast path never vouches for what the codec rejects
        expect(fast !== undefined && expected._tag === 'Left').toBe(false)
      }),
      { numRuns: 4000, seed: 20260301 }
    )
    console.log(`fast decoder property: ${JSON.stringify(counts)}`)
    // the generator exercises every case the law is about: accepted fast, valid but sent to the
    // codec (edge spellings), and rejected, for every event type
    expect(counts.codecAccepts / counts.total).toBeGreaterThan(0.15)
    expect(counts.codecRejects / counts.total).toBeGreaterThan(0.3)
    expect(counts.fastAccepts / counts.total).toBeGreaterThan(0.1)
    expect(counts.fastDeclinesValid).toBeGreaterThan(20)
    expect(counts.mutated / counts.total).toBeGreaterThan(0.5)
    expect([...byTag.keys()].sort()).toEqual([...tags].sort())
  })

  it('accepts a stored event and gives the codec’s value', () => {
    const line = { _tag: 'TicketRated', ticketId: 'INC-1', seq: 5, at: '2026-03-02T14:00:00.5+01:00', actor: { role: 'customer', id: 'ola' }, score: 5, comment: 'Quick' }
    expect(tryFast(line)).toStrictEqual({ _tag: 'TicketRated', ticketId: 'INC-1', seq: 5, at: Date.UTC(2026, 2, 2, 13, 0, 0, 500), actor: { role: 'customer', id: 'ola' }, score: 5, comment: 'Quick' })
  })
})
