// A ticket's notices are records `{ audience, reason }` since 0.3.0; until then a snapshot listed
// them as "audience/reason" text. Stored data is read back exactly: snapshots and events written
// by 0.2.0 and by 0.3.0 before the change (test/ticket/fixtures/, written by that code) decode to
// the ticket their events rebuild, and the JSON Schema of a ticket accepts them.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Ticket } from '../../src/index.js'
import { generateSchemas } from '../../scripts/json-schema.mjs'
import { getLeft, getRight } from '../helpers/unsafe.js'

interface Stored {
  readonly writtenBy: string
  readonly events: ReadonlyArray<unknown>
  readonly snapshot: Record<string, unknown>
}
const stored = (file: string): Stored =>
  JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as Stored
const fixtures = [stored('notices-0.2.0.json'), stored('notices-0.3.0-text.json')]

// the notices the fixtures' commands sent, written out by hand
const sent: ReadonlyArray<Ticket.Notice> = [
  { audience: 'teamLead', reason: 'resolution:0.75' },
  { audience: 'manager', reason: 'resolution:breach' },
  { audience: 'assignee', reason: 'priority:P1' },
  { audience: 'manager', reason: 'priority:P1' },
  { audience: 'teamLead', reason: 'desk/night: "paged" ✓ æøå' },
  { audience: 'manager', reason: `${'x'.repeat(199)}/` }
]

const json = (u: unknown): unknown => JSON.parse(JSON.stringify(u))

describe('notices written before 0.3.0', () => {
  it('the fixtures hold the old text form, as the versions that wrote them did', () => {
    for (const f of fixtures) {
      expect(f.snapshot['notices']).toStrictEqual([
        'teamLead/resolution:0.75',
        'manager/resolution:breach',
        'assignee/priority:P1',
        'manager/priority:P1',
        'teamLead/desk/night: "paged" ✓ æøå',
        `manager/${'x'.repeat(199)}/`
      ])
      expect(f.events.filter((e) => (e as { _tag?: unknown })._tag === 'NoticeSent')).toHaveLength(6)
    }
  })

  for (const f of fixtures)
    it(`a snapshot and events written by ${f.writtenBy} read as the same ticket, with the notices as records`, () => {
      const fromEvents = getRight(Ticket.decodeHistory(f.events)).ticket
      const fromSnapshot = getRight(Ticket.decodeTicket(f.snapshot))
      expect(fromSnapshot).toStrictEqual(fromEvents)
      expect(fromSnapshot.notices).toStrictEqual(sent)
      // the events themselves are unchanged: written again, they are what was stored
      expect(getRight(Ticket.decodeHistory(f.events)).events.map((e) => json(Ticket.encodeEvent(e)))).toStrictEqual(
        f.events
      )
    })

  it('written again, an old snapshot has records, and reads back as the same ticket', () => {
    for (const f of fixtures) {
      const ticket = getRight(Ticket.decodeTicket(f.snapshot))
      const again = json(Ticket.encodeTicket(ticket)) as Record<string, unknown>
      expect(again['notices']).toStrictEqual(sent)
      expect({ ...again, notices: f.snapshot['notices'] }).toStrictEqual(f.snapshot)
      expect(Ticket.decodeTicket(again)).toStrictEqual(E.right(ticket))
    }
  })

  it('a list may mix both forms (a snapshot patched by hand or by a script)', () => {
    const f = fixtures[0] as Stored
    const mixed = ['teamLead/resolution:0.75', sent[1], 'assignee/priority:P1', sent[3], sent[4], sent[5]]
    expect(
      pipe(
        Ticket.decodeTicket({ ...f.snapshot, notices: mixed }),
        E.map((t) => t.notices)
      )
    ).toStrictEqual(E.right(sent))
  })

  it('the JSON Schema of a ticket accepts the snapshots of both forms, and neither a text nor a record it cannot read', () => {
    const schema = generateSchemas(fileURLToPath(new URL('../..', import.meta.url)))['TicketJson']
    const valid = new Ajv2020({ strict: true }).compile(schema as object)
    for (const f of fixtures) {
      expect(valid(f.snapshot)).toBe(true)
      expect(valid(json(Ticket.encodeTicket(getRight(Ticket.decodeTicket(f.snapshot)))))).toBe(true)
    }
    const f = fixtures[0] as Stored
    for (const bad of ['boss/resolution:breach', 'manager', 'manager/', { audience: 'boss', reason: 'x' }, 7])
      expect(valid({ ...f.snapshot, notices: [bad] })).toBe(false)
  })
})

describe('notices that no version wrote', () => {
  const snapshot = (fixtures[0] as Stored).snapshot
  const messages = (notices: ReadonlyArray<unknown>): ReadonlyArray<string> =>
    getLeft(Ticket.decodeTicket({ ...snapshot, notices })).issues.map((i) => i.message)
  const OLD =
    'a notice as text before 0.3.0: "audience/reason", the audience one of "assignee" | "teamLead" | "manager" and the reason 1 to 200 characters'

  it('text without an audience, an unknown audience, or a reason empty or too long: the text is never quoted', () => {
    expect(
      messages(['boss/resolution:breach', 'resolution:breach', 'manager/', `manager/${'x'.repeat(201)}`, 'manager'])
    ).toStrictEqual([
      `notices[0]: expected ${OLD}, received a string of 22 characters`,
      `notices[1]: expected ${OLD}, received a string of 17 characters`,
      `notices[2]: expected ${OLD}, received a string of 8 characters`,
      `notices[3]: expected ${OLD}, received a string of 209 characters`,
      `notices[4]: expected ${OLD}, received a string of 7 characters`
    ])
  })

  it('records with an unknown audience, a missing or empty reason, another field, or no record at all', () => {
    expect(
      messages([
        { audience: 'boss', reason: 'resolution:breach' },
        { audience: 'manager' },
        { audience: 'manager', reason: '' },
        { audience: 'manager', reason: 'priority:P1', at: '2025-03-07T08:00:00Z' },
        7,
        null
      ])
    ).toStrictEqual([
      'notices[0].audience: expected one of "assignee" | "teamLead" | "manager", received "boss"',
      'notices[1].reason: expected a name of 1 to 200 characters, received nothing',
      'notices[2].reason: expected a name of 1 to 200 characters, received a string of 0 characters',
      'notices[3].at: expected no property "at" here (known: audience, reason), received a string of 20 characters',
      'notices[4]: expected a notice ({ audience, reason }), received 7',
      'notices[5]: expected a notice ({ audience, reason }), received null'
    ])
  })

  it('a ticket in memory whose notices are text (a cast let it in) is not written: the encoder gives null', () => {
    const ticket = getRight(Ticket.decodeTicket(snapshot))
    expect(Ticket.encodeTicket(ticket)).not.toBeNull()
    expect(Ticket.encodeTicket({ ...ticket, notices: ['manager/resolution:breach'] as never })).toBeNull()
  })

  it('a notice sent again is refused, in a short and in a long history alike', () => {
    const f = fixtures[0] as Stored
    const ticket = getRight(Ticket.decodeHistory(f.events)).ticket
    const again = {
      _tag: 'Notify',
      at: ticket.updatedAt,
      actor: { role: 'system', id: 'escalation' },
      audience: 'teamLead',
      reason: 'desk/night: "paged" ✓ æøå'
    } as const
    expect(getLeft(Ticket.decide(again, Ticket.defaultContext)(ticket))).toMatchObject({
      _tag: 'InvalidEvent',
      path: 'reason'
    })
    // another audience, or another reason, is a new notice
    for (const fresh of [
      { ...again, audience: 'manager' as const },
      { ...again, reason: 'desk/night' }
    ])
      expect(E.isRight(Ticket.decide(fresh, Ticket.defaultContext)(ticket))).toBe(true)
    // replay keeps sets once a history is long: the same answers
    const history = getRight(Ticket.decodeHistory(f.events)).events
    const event = getRight(Ticket.decide(again, Ticket.defaultContext)({ ...ticket, notices: [] }))[0]
    expect(getLeft(Ticket.replay()([...history, event as Ticket.TicketEvent]))).toMatchObject({
      _tag: 'InvalidEvent',
      path: 'reason'
    })
  })

  it('a ticket state whose notices a cast filled with anything: no function throws, and such items are no notice', () => {
    const f = fixtures[0] as Stored
    const { ticket, events } = getRight(Ticket.decodeHistory(f.events))
    const junk = [null, undefined, 7, 'teamLead/resolution:0.75', {}, []]
    const state = { ...ticket, notices: junk } as never as Ticket.Ticket
    const notify = {
      _tag: 'Notify',
      at: ticket.updatedAt,
      actor: { role: 'system', id: 'escalation' },
      audience: 'teamLead',
      reason: 'resolution:0.75'
    } as const
    const decided = getRight(Ticket.decide(notify, Ticket.defaultContext)(state))
    const event = decided[0] as Ticket.TicketEvent
    expect(event).toMatchObject({ _tag: 'NoticeSent', audience: 'teamLead', reason: 'resolution:0.75' })
    expect(
      pipe(
        Ticket.apply(event)(state),
        E.map((t) => t.notices.length)
      )
    ).toStrictEqual(E.right(junk.length + 1))
    expect(Ticket.evolve(state, event)).toMatchObject({ version: events.length + 1 })
    expect(
      pipe(
        Ticket.runEvents(Ticket.defaultContext, state)([notify, { ...notify, audience: 'manager' }]),
        E.map(({ events: made }) => made.length)
      )
    ).toStrictEqual(E.right(2))
  })
})
