import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Kind, Ticket, type Time } from '../../src/index.js'
import { compile } from '../helpers/unsafe.js'

// A canary secret sits in every free-text field (titles, notes, messages, reasons, descriptions,
// root causes, comments) while every kind of ticket error is provoked: by decide, replay,
// decodeHistory, decodeEvent, decodeCommand and decodeTicket. The secret must never appear in
// any part of any error.

const CANARY = 'S3CR3T-canary-7f3a'
const LONG = `${CANARY}${'x'.repeat(100_001)}`
const kari = { role: 'agent', id: 'kari' } as const
const ola = { role: 'customer', id: 'ola' } as const
const system = { role: 'system', id: 'monitor' } as const
const T0 = Date.UTC(2025, 2, 7, 8)
const at = (minute: number): Time.Instant => (T0 + minute * 60_000) as Time.Instant
const ctx: Ticket.DecideContext = {
  ...Ticket.defaultContext,
  autoClose: {
    calendar: compile(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })),
    businessDays: 2
  }
}

/** The free-text fields of commands and events. */
const FREE = ['title', 'note', 'message', 'reason', 'description', 'rootCause', 'comment'] as const

/** One command of every kind, every free text the canary. */
const commands = (minute: number): ReadonlyArray<Ticket.TicketCommand> => {
  const h = { at: at(minute), actor: kari }
  return [
    {
      _tag: 'Open',
      ...h,
      ticketId: 'INC-7' as Ticket.TicketId,
      channel: 'phone',
      customer: 'ACME',
      requester: 'ola',
      title: CANARY,
      kind: 'incident'
    },
    { _tag: 'Classify', ...h, kind: 'incident' },
    { _tag: 'Prioritise', ...h, urgency: 'high', impact: 'low' },
    { _tag: 'OverridePriority', ...h, priority: 'P1', reason: CANARY },
    { _tag: 'Assign', ...h, assignee: 'kari' },
    { _tag: 'Escalate', ...h, toTier: 'L2', note: CANARY },
    { _tag: 'Reply', ...h, message: CANARY },
    { _tag: 'AddNote', ...h, note: CANARY },
    { _tag: 'Await', ...h, party: 'customer', reason: CANARY },
    { _tag: 'Resume', ...h },
    { _tag: 'ApplyWorkaround', ...h, description: CANARY },
    { _tag: 'Notify', at: at(minute), actor: system, audience: 'manager', reason: CANARY },
    { _tag: 'WithdrawWorkaround', ...h, reason: CANARY },
    { _tag: 'IdentifyRootCause', ...h, rootCause: CANARY },
    { _tag: 'Resolve', ...h, code: 'workaround', note: CANARY },
    { _tag: 'Confirm', at: at(minute), actor: ola },
    { _tag: 'Reject', at: at(minute), actor: ola, reason: CANARY },
    { _tag: 'Reopen', ...h, reason: CANARY },
    { _tag: 'Close', at: at(minute), actor: system },
    { _tag: 'Cancel', ...h, reason: CANARY },
    { _tag: 'Rate', at: at(minute), actor: ola, score: 4, comment: CANARY },
    { _tag: 'LinkProblem', ...h, problemId: 'PRB-1' as Ticket.TicketId },
    // levels and priorities the matrix does not have
    { _tag: 'Prioritise', ...h, urgency: 'urgnet', impact: 'low' },
    { _tag: 'OverridePriority', ...h, priority: 'P9', reason: CANARY }
  ]
}

/** A life with the canary in every free text: opened, answered, waiting, noticed, on a workaround, resolved, rejected, resolved, closed, rated. */
const life: ReadonlyArray<Ticket.TicketCommand> = (() => {
  const c = commands(0)
  const pick = (tag: Ticket.TicketCommand['_tag'], minute: number): Ticket.TicketCommand => ({
    ...(c.find((x) => x._tag === tag) as Ticket.TicketCommand),
    at: at(minute)
  })
  return [
    pick('Open', 0),
    pick('Prioritise', 1),
    pick('Assign', 2),
    pick('Reply', 3),
    pick('Await', 4),
    pick('Resume', 5),
    pick('AddNote', 6),
    pick('Notify', 7),
    pick('LinkProblem', 8),
    pick('ApplyWorkaround', 9),
    pick('OverridePriority', 10),
    pick('Escalate', 11),
    pick('Resolve', 12),
    pick('Reject', 13),
    { _tag: 'Resolve', at: at(14), actor: kari, code: 'fixed', note: CANARY },
    pick('Confirm', 15),
    pick('Rate', 16)
  ]
})()
const lived = Ticket.runEvents(ctx)(life)
const history = E.isRight(lived) ? lived.right.events : []

/** Every state the life passes through. */
const states: ReadonlyArray<Ticket.TicketState> = history.reduce<Ticket.TicketState[]>(
  (acc, e) => [...acc, Ticket.evolve(acc[acc.length - 1] as Ticket.TicketState, e)],
  [Ticket.initial]
)

const withFree = <A extends object>(a: A, value: unknown): A => {
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) }
  for (const f of FREE) if (f in out) out[f] = value
  return out as A
}

/** Ways to break a command or an event while its free texts hold the canary. */
const breakages = <A extends { readonly at: unknown }>(a: A): ReadonlyArray<unknown> => [
  a,
  { ...a, at: Number.NaN },
  { ...a, at: T0 - 86_400_000 },
  { ...a, at: 1e16 },
  { ...a, actor: undefined },
  { ...a, actor: { role: 'robot', id: CANARY.length } },
  { ...a, extra: 1 },
  withFree(a, LONG),
  withFree(a, ' '),
  withFree(a, [CANARY]),
  withFree(a, { [CANARY.slice(0, 3)]: CANARY.length })
]

const errors: Array<{ readonly source: string; readonly error: unknown }> = []
const collect = (source: string, r: E.Either<unknown, unknown>): void => {
  if (E.isLeft(r)) errors.push({ source, error: r.left })
}

// decide and runEvents: every command, broken every way, in every state of the life
for (const [s, state] of states.entries())
  for (const command of commands(30))
    for (const [b, broken] of breakages(command).entries()) {
      collect(`decide ${command._tag} #${b} in state ${s}`, Ticket.decide(broken as Ticket.TicketCommand, ctx)(state))
      if (s === 0) collect(`runEvents ${command._tag} #${b}`, Ticket.runEvents(ctx)([broken as Ticket.TicketCommand]))
      // no auto-close policy: Close is refused for want of one
      if (command._tag === 'Close')
        collect(
          `decide Close #${b} in state ${s} without auto-close`,
          Ticket.decide(broken as Ticket.TicketCommand, Ticket.defaultContext)(state)
        )
    }

// replay and apply: the life's history with one event broken, dropped, doubled or moved
const contexts = [
  ctx,
  {
    ...ctx,
    kinds: E.getOrElseW(() => Kind.defaultKindRules)(
      Kind.makeKindRules({
        ...Kind.defaultKindRules.kinds,
        incident: { ...Kind.defaultKindRules.kinds.incident, workaround: false }
      })
    )
  }
]
for (const [i, event] of history.entries()) {
  const before = history.slice(0, i)
  const after = history.slice(i + 1)
  for (const [b, broken] of [
    ...breakages(event),
    { ...event, seq: event.seq + 3 },
    { ...event, ticketId: 'INC-8' },
    { ...event, _tag: 'TicketTeleported' }
  ].entries())
    for (const c of contexts) {
      collect(`replay event ${i} #${b}`, Ticket.replay(c)([...before, broken as Ticket.TicketEvent, ...after]))
      collect(`apply event ${i} #${b}`, Ticket.apply(broken as Ticket.TicketEvent, c)(states[i] as Ticket.TicketState))
    }
  collect(`replay without ${i}`, Ticket.replay(ctx)([...before, ...after]))
  collect(`replay with ${i} twice`, Ticket.replay(ctx)([...before, event, event, ...after]))
  collect(`replay with ${i} last`, Ticket.replay(ctx)([...before, ...after, event]))
}

// the wire: the stored history, snapshot, events and commands with fields broken in JSON
const stored = JSON.parse(JSON.stringify(history.map(Ticket.encodeEvent))) as Array<Record<string, unknown>>
const wireBreakages = (o: Record<string, unknown>): ReadonlyArray<Record<string, unknown>> => [
  { ...o, at: '2025-03-07T08:00:00' },
  { ...o, at: 12 },
  { ...o, seq: '1' },
  { ...o, extra: CANARY.length },
  { ...o, actor: { role: 'agent' } },
  withFree(o, LONG),
  withFree(o, 42)
]
for (const [i, e] of stored.entries())
  for (const [b, broken] of wireBreakages(e).entries()) {
    collect(
      `decodeHistory event ${i} #${b}`,
      Ticket.decodeHistory([...stored.slice(0, i), broken, ...stored.slice(i + 1)], ctx)
    )
    collect(`decodeEvent ${i} #${b}`, Ticket.decodeEvent(broken))
  }
for (const command of commands(30)) {
  const json = JSON.parse(JSON.stringify(Ticket.encodeCommand(command))) as Record<string, unknown>
  for (const [b, broken] of wireBreakages(json).entries())
    collect(`decodeCommand ${command._tag} #${b}`, Ticket.decodeCommand(broken))
}
const finalTicket = states[states.length - 1] as Ticket.Ticket
const snapshot = JSON.parse(JSON.stringify(Ticket.encodeTicket(finalTicket))) as Record<string, unknown>
for (const broken of [
  { ...snapshot, version: -1 },
  { ...snapshot, title: LONG },
  { ...snapshot, notices: [LONG, 7] },
  { ...snapshot, status: { ...(snapshot['status'] as object), note: LONG, since: 'then' } },
  { ...snapshot, rating: { ...(snapshot['rating'] as object), comment: LONG, score: 0 } },
  { ...snapshot, handoverNote: LONG, rootCause: LONG, workaround: { description: LONG, appliedAt: 1 } },
  { ...snapshot, priority: { ...(snapshot['priority'] as object), reason: LONG, rank: 0 } }
])
  collect('decodeTicket', Ticket.decodeTicket(broken))

describe('a canary secret in every free-text field never appears in an error', () => {
  it('the life it rides through is a real one', () => {
    expect(E.isRight(lived)).toBe(true)
    expect(history.length).toBe(life.length)
    expect(JSON.stringify(history)).toContain(CANARY)
  })

  it('every kind of ticket error was provoked, many times', () => {
    const tags = new Map<string, number>()
    for (const { error } of errors) {
      const tag = (error as { readonly _tag: string })._tag
      tags.set(tag, (tags.get(tag) ?? 0) + 1)
    }
    expect([...tags.keys()].sort()).toStrictEqual([
      'DecodeError',
      'ImpossibleEvent',
      'InvalidCommand',
      'InvalidEvent',
      'OutOfOrder',
      'TooEarlyToClose'
    ])
    for (const n of tags.values()) expect(n).toBeGreaterThanOrEqual(3)
    expect(errors.length).toBeGreaterThan(3000)
  })

  it('no error, in any of its fields, contains the secret', () => {
    const leaks = errors.filter(
      ({ error }) => JSON.stringify(error).includes(CANARY) || JSON.stringify(error).includes(CANARY.slice(0, 12))
    )
    expect(leaks.map((l) => l.source).slice(0, 5)).toStrictEqual([])
  })

  it('free text in an error is told by its length', () => {
    const long = errors.find(({ source }) => source === 'decide Reply #7 in state 1')?.error as {
      readonly message: string
    }
    expect(long.message).toBe(
      'message: expected a text of at most 100 000 characters, received a string of 100019 characters'
    )
  })
})
