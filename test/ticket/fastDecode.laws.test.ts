// `Ticket.decodeEvent` and `Ticket.decodeCommand` read the common spellings on a fast path; they
// must agree with the io-ts codecs alone (`src/ticket/codec.ts`) on every input: the same Right
// (deep-equal value) or the same Left (paths and messages). Inputs: wire events and commands of
// every type built here from the documented shapes (docs/tickets.md), and mutations of them (a
// field removed, added, retyped or given an edge value; instants in many spellings).
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Ticket } from '../../src/index.js'
import { decodeCommand as codecCommand, decodeEvent as codecEvent } from '../../src/ticket/codec.js'
import { tryFastCommand, tryFastEvent } from '../../src/ticket/fastDecode.js'

/** Mostly good values, sometimes an edge or a bad one: each field is valid about 19 times in 20. */
const mostly = <A>(good: fc.Arbitrary<A>, edge: fc.Arbitrary<A>) =>
  fc.oneof({ weight: 19, arbitrary: good }, { weight: 1, arbitrary: edge })
const idA = mostly(
  fc.constantFrom('INC-1', 'FJR-1009', 'a', 'P 1', 'x'.repeat(100)),
  fc.oneof(fc.constantFrom(' x', 'x ', '', 'é', 'x'.repeat(101)), fc.string({ minLength: 1, maxLength: 12 }))
)
const nameA = mostly(
  fc.constantFrom('kari', 'Fjord Regnskap AS', 'L2', 'x'.repeat(200)),
  fc.oneof(fc.constantFrom('', 'x'.repeat(201)), fc.string({ maxLength: 10 }))
)
const textA = mostly(
  fc.oneof(fc.constantFrom('', 'On it', 'x'.repeat(100_000)), fc.string({ maxLength: 10 })),
  fc.constant('x'.repeat(100_001))
)
const pad = (n: number, w = 2) => String(n).padStart(w, '0')
/** Instants in the spellings logs use, valid or not (Feb 29, 24:00, offsets, fractions, lowercase z, no seconds, range ends). */
const isoA = fc.oneof(
  {
    weight: 1,
    arbitrary: fc
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
      .map(
        ({ y, mo, d, h, mi, s, frac, off }) =>
          `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${frac}${off}`
      )
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2026-03-02T09:00Z',
      '2026-03-02 09:00:00Z',
      '2026-03-02T09:00:00',
      '1900-01-01T00:00:00Z',
      '2200-01-01T00:00:00Z',
      '2200-01-01T00:00:00.001Z',
      '1899-12-31T23:00:00-01:00'
    )
  },
  {
    weight: 8,
    arbitrary: fc
      .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString())
  }
)
const actorA = fc.record({
  role: mostly(fc.constantFrom('agent', 'customer', 'system'), fc.constant('robot')),
  id: nameA
})
const pick = <A>(...xs: A[]) => fc.constantFrom(...xs)

type Shapes = Record<
  string,
  {
    readonly required: Record<string, fc.Arbitrary<unknown>>
    readonly optional?: Record<string, fc.Arbitrary<unknown>>
  }
>
const kindA = mostly(pick('incident', 'serviceRequest', 'question', 'problem', 'feedback'), pick('bug', 'Incident'))
const channelA = mostly(pick('phone', 'chat', 'email', 'portal', 'monitoring'), pick('fax'))
const dayA = pick('2026-03-02', '2024-02-29', '2026-02-30', '1899-12-31', '2199-12-31', '2026-3-2')
const usersA = mostly(fc.integer({ min: 0, max: 2000 }), pick(-1, 1e9, 1e9 + 1, 2.5))
const rankA = mostly(fc.integer({ min: 1, max: 1000 }), pick(0, 1001))
const scoreA = mostly(fc.integer({ min: 1, max: 5 }), pick(0, 6))
const partyA = mostly(pick('customer', 'thirdParty', 'vendor'), pick('nobody'))
const codeA = mostly(
  pick('fixed', 'workaround', 'answered', 'fulfilled', 'noFaultFound', 'duplicate', 'cancelledByCustomer', 'other'),
  pick('done')
)
const audienceA = mostly(pick('assignee', 'teamLead', 'manager'), pick('ceo'))

const events: Shapes = {
  TicketOpened: {
    required: { channel: channelA, customer: nameA, requester: nameA, title: textA, tier: nameA },
    optional: { service: nameA, affectedUsers: usersA, kind: kindA, requestedBy: dayA }
  },
  TicketClassified: { required: { kind: kindA }, optional: { category: nameA } },
  PrioritySet: { required: { urgency: nameA, impact: nameA, rank: rankA, name: nameA, label: textA } },
  PriorityOverridden: { required: { rank: rankA, name: nameA, label: textA, reason: textA } },
  TicketAssigned: { required: { assignee: nameA } },
  TicketEscalated: { required: { toTier: nameA, note: textA }, optional: { assignee: nameA } },
  PublicReplySent: { required: { message: textA } },
  InternalNoteAdded: { required: { note: textA } },
  AwaitingStarted: { required: { party: partyA }, optional: { reason: textA } },
  WorkResumed: { required: {} },
  WorkaroundApplied: { required: { description: textA }, optional: { problemId: idA } },
  WorkaroundWithdrawn: { required: { reason: textA } },
  RootCauseIdentified: { required: { rootCause: textA } },
  TicketResolved: { required: { code: codeA, note: textA } },
  ResolutionRejected: { required: { reason: textA } },
  TicketReopened: { required: { reason: textA } },
  TicketClosed: { required: { reason: mostly(pick('confirmed', 'silence'), pick('bored')) } },
  TicketCancelled: { required: { reason: textA } },
  TicketRated: { required: { score: scoreA }, optional: { comment: textA } },
  LinkedToProblem: { required: { problemId: idA } },
  NoticeSent: { required: { audience: audienceA, reason: nameA } }
}
const commands: Shapes = {
  Open: {
    required: { ticketId: idA, channel: channelA, customer: nameA, requester: nameA, title: textA },
    optional: { tier: nameA, service: nameA, affectedUsers: usersA, kind: kindA, requestedBy: dayA }
  },
  Classify: { required: { kind: kindA }, optional: { category: nameA } },
  Prioritise: { required: { urgency: nameA, impact: nameA } },
  OverridePriority: { required: { priority: nameA, reason: textA } },
  Assign: { required: { assignee: nameA } },
  Escalate: { required: { toTier: nameA, note: textA }, optional: { assignee: nameA } },
  Reply: { required: { message: textA } },
  AddNote: { required: { note: textA } },
  Await: { required: { party: partyA }, optional: { reason: textA } },
  Resume: { required: {} },
  ApplyWorkaround: { required: { description: textA }, optional: { problemId: idA } },
  Notify: { required: { audience: audienceA, reason: nameA } },
  WithdrawWorkaround: { required: { reason: textA } },
  IdentifyRootCause: { required: { rootCause: textA } },
  Resolve: { required: { code: codeA, note: textA } },
  Confirm: { required: {} },
  Reject: { required: { reason: textA } },
  Reopen: { required: { reason: textA } },
  Close: { required: {} },
  Cancel: { required: { reason: textA } },
  Rate: { required: { score: scoreA }, optional: { comment: textA } },
  LinkProblem: { required: { problemId: idA } }
}

const eventHead = fc.record({
  ticketId: idA,
  seq: mostly(fc.integer({ min: 1, max: 50 }), pick(0, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1)),
  at: isoA,
  actor: actorA
})
const commandHead = fc.record({ at: isoA, actor: actorA })
const wireA = (shapes: Shapes, head: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> =>
  fc.constantFrom(...Object.keys(shapes)).chain((tag) => {
    const f = shapes[tag] as Shapes[string]
    return fc
      .record({ head, req: fc.record(f.required), opt: fc.record(f.optional ?? {}, { requiredKeys: [] }) })
      .map(({ head, req, opt }) => ({ _tag: tag, ...head, ...req, ...opt }))
  })

type Mutation = (e: Record<string, unknown>) => unknown
const mutationA = (
  tags: ReadonlyArray<string>,
  otherTags: ReadonlyArray<string>
): fc.Arbitrary<{ readonly name: string; readonly apply: Mutation }> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant({ name: 'none', apply: (e: Record<string, unknown>) => e }) },
    fc.nat().map((i) => ({
      name: 'drop a field',
      apply: (e: Record<string, unknown>) => {
        const k = Object.keys(e)[i % Object.keys(e).length] as string
        const { [k]: _, ...rest } = e
        return rest
      }
    })),
    fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 1 })).map(([i, v]) => ({
      name: 'retype a field',
      apply: (e: Record<string, unknown>) => ({ ...e, [Object.keys(e)[i % Object.keys(e).length] as string]: v })
    })),
    fc
      .tuple(
        fc.constantFrom('extra', 'customer', 'title', 'kind', 'ticketId', 'seq', '__proto__', 'constructor'),
        fc.jsonValue({ maxDepth: 1 })
      )
      .map(([k, v]) => ({
        name: 'add a field',
        apply: (e: Record<string, unknown>) => JSON.parse(JSON.stringify({ ...e, [k]: v })) as unknown
      })),
    fc
      .constantFrom(...tags, ...otherTags)
      .map((t) => ({ name: 'another tag', apply: (e: Record<string, unknown>) => ({ ...e, _tag: t }) })),
    fc.jsonValue({ maxDepth: 1 }).map((v) => ({
      name: 'actor',
      apply: (e: Record<string, unknown>) => ({
        ...e,
        actor: typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...(e.actor as object), ...v } : v
      })
    })),
    fc.jsonValue({ maxDepth: 2 }).map((v) => ({ name: 'not a record', apply: () => v })),
    fc.constant({
      name: 'undefined optional',
      apply: (e: Record<string, unknown>) => ({ ...e, comment: undefined, service: undefined })
    }),
    fc.constant({
      name: 'class instance',
      apply: (e: Record<string, unknown>) => Object.assign(Object.create({ inherited: 1 }) as object, e)
    }),
    fc.constant({
      name: '__proto__ key from JSON',
      apply: (e: Record<string, unknown>) =>
        JSON.parse(JSON.stringify(e).replace(/^\{/u, '{"__proto__":{"x":1},')) as unknown
    })
  )

interface Tally {
  total: number
  codecAccepts: number
  codecRejects: number
  fastAccepts: number
  fastDeclinesValid: number
  mutated: number
  readonly fastByTag: Map<string, number>
  readonly byMutation: Map<string, number>
}

/** Checks the law on `runs` inputs and returns how often each case the law is about occurred. */
const agree = <A>(
  shapes: Shapes,
  head: fc.Arbitrary<Record<string, unknown>>,
  otherTags: ReadonlyArray<string>,
  decode: (u: unknown) => unknown,
  codec: (u: unknown) => { readonly _tag: string },
  fast: (u: unknown) => A | undefined,
  seed: number
): Tally => {
  const t: Tally = {
    total: 0,
    codecAccepts: 0,
    codecRejects: 0,
    fastAccepts: 0,
    fastDeclinesValid: 0,
    mutated: 0,
    fastByTag: new Map(),
    byMutation: new Map()
  }
  fc.assert(
    fc.property(wireA(shapes, head), mutationA(Object.keys(shapes), otherTags), (wire, mutation) => {
      const input = mutation.apply(wire)
      const expected = codec(input)
      expect(decode(input)).toStrictEqual(expected)
      t.total++
      t.byMutation.set(mutation.name, (t.byMutation.get(mutation.name) ?? 0) + 1)
      if (mutation.name !== 'none') t.mutated++
      const f = fast(input)
      // the fast path never vouches for what the codec rejects, and gives the codec's value
      if (f !== undefined) {
        expect(expected._tag).toBe('Right')
        expect(f).toStrictEqual((expected as unknown as { right: unknown }).right)
        t.fastAccepts++
        t.fastByTag.set(String(wire._tag), (t.fastByTag.get(String(wire._tag)) ?? 0) + 1)
      }
      if (expected._tag === 'Right') {
        t.codecAccepts++
        if (f === undefined) t.fastDeclinesValid++
      } else t.codecRejects++
    }),
    { numRuns: 4000, seed }
  )
  return t
}

/** The generator exercises every case the law is about: accepted fast, valid but sent to the codec (edge spellings), rejected, every type and every mutation. */
const assertDistribution = (t: Tally, shapes: Shapes) => {
  console.log(
    `fast decoder property: ${JSON.stringify({ ...t, fastByTag: t.fastByTag.size, byMutation: Object.fromEntries(t.byMutation) })}`
  )
  expect(t.codecAccepts / t.total).toBeGreaterThan(0.15)
  expect(t.codecRejects / t.total).toBeGreaterThan(0.3)
  expect(t.fastAccepts / t.total).toBeGreaterThan(0.1)
  expect(t.fastDeclinesValid).toBeGreaterThan(20)
  expect(t.mutated / t.total).toBeGreaterThan(0.5)
  expect([...t.fastByTag.keys()].sort()).toEqual(Object.keys(shapes).sort())
  for (const n of t.byMutation.values()) expect(n / t.total).toBeGreaterThan(0.02)
}

describe('the fast decoding path', () => {
  it('Ticket.decodeEvent agrees with the io-ts codec on valid and mutated events (same Right, same Left)', () => {
    const t = agree(events, eventHead, Object.keys(commands), Ticket.decodeEvent, codecEvent, tryFastEvent, 20260301)
    assertDistribution(t, events)
  })

  it('Ticket.decodeCommand agrees with the io-ts codec on valid and mutated commands (same Right, same Left)', () => {
    const t = agree(
      commands,
      commandHead,
      Object.keys(events),
      Ticket.decodeCommand,
      codecCommand,
      tryFastCommand,
      20260302
    )
    assertDistribution(t, commands)
  })

  it('reads a stored event on the fast path and gives the codec’s value', () => {
    const line = {
      _tag: 'TicketRated',
      ticketId: 'INC-1',
      seq: 5,
      at: '2026-03-02T14:00:00.5+01:00',
      actor: { role: 'customer', id: 'ola' },
      score: 5,
      comment: 'Quick'
    }
    expect(tryFastEvent(line)).toStrictEqual({
      _tag: 'TicketRated',
      ticketId: 'INC-1',
      seq: 5,
      at: Date.UTC(2026, 2, 2, 13, 0, 0, 500),
      actor: { role: 'customer', id: 'ola' },
      score: 5,
      comment: 'Quick'
    })
  })

  it('reads a command on the fast path and gives the codec’s value', () => {
    const open = {
      _tag: 'Open',
      ticketId: 'INC-1',
      at: '2026-03-02T08:00:00Z',
      actor: { role: 'agent', id: 'kari' },
      channel: 'phone',
      customer: 'ACME',
      requester: 'ola',
      title: 'VPN',
      requestedBy: '2026-03-09'
    }
    expect(tryFastCommand(open)).toStrictEqual({ ...open, at: Date.UTC(2026, 2, 2, 8) })
  })
})
