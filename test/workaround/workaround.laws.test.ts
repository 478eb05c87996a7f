import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { pipe } from 'fp-ts/lib/function.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Calendar, Ticket, type Time } from '../../src/index.js'
import * as Workaround from '../../src/workaround/index.js'
import { compile, deepFreeze, getRight } from '../helpers/unsafe.js'
import { customers, desk, shuffledDesk, ticketsOf, type Desk, type History } from './arbitraries.js'

const numRuns = process.env.CI ? 1000 : 200
const day = 86_400_000
const actor = { role: 'agent', id: 'lars' } as const
const calendars = [
  compile(Calendar.alwaysOpen),
  compile(
    Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
  ),
  compile(Calendar.weekdays({ zone: 'America/New_York', opens: '09:00', closes: '17:00' }))
]
/** Each customer on its own calendar. */
const calendarOf = (customer: string) =>
  calendars[customers.indexOf(customer as (typeof customers)[number]) % calendars.length] ?? calendars[0]!

const historyOf = (d: Desk, id: string): History => {
  const h = [...d.problems, ...d.incidents].find((x) => x.ticket.id === id)
  if (h === undefined) throw new Error(`no ticket ${id}`)
  return h
}
const sorted = (xs: ReadonlyArray<string>) => [...xs].sort()
/** An instant around the desk's latest event: sometimes before it, so that some tickets refuse. */
const shift = fc.integer({ min: -2 * day, max: day })

describe('workaround laws', () => {
  it("a problem's workaround rolled out to its linked incidents replays on each incident; every linked incident is applied or refused", () => {
    fc.assert(
      fc.property(desk, shift, fc.boolean(), (d, s, resolve) => {
        const at = (d.latest + s) as Time.Instant
        const tickets = deepFreeze(ticketsOf(d))
        for (const problem of d.problems) {
          const result = pipe(
            problem.ticket,
            Workaround.rollOut(tickets, {
              at,
              actor,
              ...(resolve ? { resolve: { note: 'Works with the workaround' } } : {})
            })
          )
          const workaround = problem.ticket.workaround
          if (workaround === undefined) {
            expect(E.isLeft(result) && result.left._tag).toBe('NoWorkaround')
            continue
          }
          const rollout = getRight(result)
          const linked = d.incidents
            .filter((h) => h.ticket.problemIds.includes(problem.ticket.id))
            .map((h) => h.ticket.id)
          expect(sorted([...rollout.incidents, ...rollout.refused].map((x) => x.ticketId))).toStrictEqual(
            sorted(linked)
          )
          for (const { ticketId, events } of rollout.incidents) {
            const replayed = Ticket.replay()([...historyOf(d, ticketId).events, ...events])
            expect(E.isRight(replayed)).toBe(true)
            const t = getRight(replayed)
            expect(t.workaround).toStrictEqual({
              description: workaround.description,
              appliedAt: at,
              problemId: problem.ticket.id
            })
            expect(t.status._tag === 'Resolved' && t.status.code === 'workaround').toBe(resolve)
          }
        }
      }),
      { numRuns }
    )
  })

  it('a withdrawal replays on the problem and every ticket; afterwards only refusing tickets still rely on the workaround', () => {
    fc.assert(
      fc.property(desk, shift, (d, s) => {
        const at = (d.latest + s) as Time.Instant
        const tickets = deepFreeze(ticketsOf(d))
        for (const problem of d.problems) {
          const result = pipe(problem.ticket, Workaround.withdraw(tickets, { at, actor, reason: 'It stopped working' }))
          if (problem.ticket.workaround === undefined) expect(E.isLeft(result) && result.left._tag).toBe('NoWorkaround')
          if (E.isLeft(result)) continue
          const w = result.right
          expect(getRight(Ticket.replay()([...problem.events, ...w.problem.events])).workaround).toBe(undefined)
          const after = new Map<string, Ticket.Ticket>()
          for (const { ticketId, events } of w.incidents) {
            const before = historyOf(d, ticketId)
            const t = getRight(Ticket.replay()([...before.events, ...events]))
            expect(t.workaround).toBe(undefined)
            expect(w.reopened.includes(ticketId)).toBe(
              before.ticket.status._tag === 'Resolved' && t.status._tag === 'InProgress'
            )
            after.set(ticketId, t)
          }
          const refused = w.refused.map((r) => r.ticketId as string)
          for (const h of d.incidents) {
            const t = after.get(h.ticket.id) ?? h.ticket
            if (Workaround.isOnWorkaround(t) && t.workaround?.problemId === problem.ticket.id)
              expect(refused).toContain(h.ticket.id)
          }
        }
      }),
      { numRuns }
    )
  })

  it('queries and flows are unchanged by the order of the tickets', () => {
    fc.assert(
      fc.property(shuffledDesk, shift, ([d, shuffled], s) => {
        const tickets = ticketsOf(d)
        const now = (d.latest + s) as Time.Instant
        expect(Workaround.knownErrors(shuffled)).toStrictEqual(Workaround.knownErrors(tickets))
        expect(Workaround.withoutRootCause(shuffled)).toStrictEqual(Workaround.withoutRootCause(tickets))
        expect(Workaround.recurring(shuffled)).toStrictEqual(Workaround.recurring(tickets))
        expect(pipe(shuffled, Workaround.onWorkaround(now, calendarOf))).toStrictEqual(
          pipe(tickets, Workaround.onWorkaround(now, calendarOf))
        )
        for (const { ticket: problem } of d.problems) {
          expect(pipe(problem, Workaround.knownError(shuffled))).toStrictEqual(
            pipe(problem, Workaround.knownError(tickets))
          )
          expect(pipe(problem, Workaround.followUps(shuffled))).toStrictEqual(
            pipe(problem, Workaround.followUps(tickets))
          )
          expect(pipe(problem, Workaround.rollOut(shuffled, { at: now, actor }))).toStrictEqual(
            pipe(problem, Workaround.rollOut(tickets, { at: now, actor }))
          )
          expect(pipe(problem, Workaround.withdraw(shuffled, { at: now, actor, reason: 'x' }))).toStrictEqual(
            pipe(problem, Workaround.withdraw(tickets, { at: now, actor, reason: 'x' }))
          )
        }
      }),
      { numRuns }
    )
  })

  it('workaround ages are never negative and never grow when now is earlier', () => {
    fc.assert(
      fc.property(
        desk,
        fc.integer({ min: -3 * day, max: 10 * day }),
        fc.integer({ min: 0, max: 10 * day }),
        fc.constantFrom(...calendars),
        (d, s, back, calendar) => {
          const later = (d.latest + s) as Time.Instant
          const earlier = (later - back) as Time.Instant
          const tickets = deepFreeze(ticketsOf(d))
          for (const t of tickets) {
            const a1 = pipe(t, Workaround.age(earlier, calendar))
            const a2 = pipe(t, Workaround.age(later, calendar))
            expect(O.isSome(a1)).toBe(t.workaround !== undefined)
            if (O.isSome(a1) && O.isSome(a2)) {
              expect(a1.value).toBeGreaterThanOrEqual(0)
              expect(a1.value).toBeLessThanOrEqual(a2.value)
            }
          }
          const ages = (now: Time.Instant) =>
            new Map(
              pipe(tickets, Workaround.onWorkaround(now, calendarOf)).flatMap((c) =>
                c.tickets.map((t) => [t.ticketId as string, t.age as number] as const)
              )
            )
          const [e, l] = [ages(earlier), ages(later)]
          expect([...e.keys()].sort()).toStrictEqual([...l.keys()].sort())
          for (const [id, age] of e) {
            expect(age).toBeGreaterThanOrEqual(0)
            expect(age).toBeLessThanOrEqual(l.get(id) ?? -1)
          }
        }
      ),
      { numRuns }
    )
  })

  it('the known errors are exactly the problems that are known errors, each with the incidents that link to it; follow-ups run on its workaround', () => {
    fc.assert(
      fc.property(desk, (d) => {
        const tickets = ticketsOf(d)
        const expected = d.problems
          .map((p) => p.ticket)
          .filter(Workaround.isKnownError)
          .map((p) => getRight(pipe(p, Workaround.knownError(tickets))))
        expect(Workaround.knownErrors(tickets)).toStrictEqual(expected)
        for (const k of expected)
          for (const i of k.incidents)
            expect(tickets.find((t) => t.id === i.ticketId)?.problemIds).toContain(k.problemId)
        for (const { ticket: problem } of d.problems) {
          const followUps = pipe(problem, Workaround.followUps(tickets))
          expect(E.isRight(followUps)).toBe(problem.status._tag === 'Resolved' && problem.status.code === 'fixed')
          if (E.isRight(followUps))
            for (const f of followUps.right) {
              const t = tickets.find((x) => x.id === f.ticketId) as Ticket.Ticket
              expect([Workaround.isOnWorkaround(t), t.workaround?.problemId]).toStrictEqual([true, problem.id])
            }
        }
      }),
      { numRuns }
    )
  })
})
