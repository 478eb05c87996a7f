import { pipe } from 'fp-ts/lib/function.js'
import * as N from 'fp-ts/lib/number.js'
import * as O from 'fp-ts/lib/Option.js'
import * as Ord from 'fp-ts/lib/Ord.js'
import * as RA from 'fp-ts/lib/ReadonlyArray.js'
import * as S from 'fp-ts/lib/string.js'
import { businessTimeBetween, type BusinessCalendar } from '../calendar/index.js'
import {
  defaultContext,
  timeline,
  timelineAt,
  type DecideContext,
  type Ticket,
  type TicketError,
  type TicketEvent
} from '../ticket/index.js'
import { decodeError, makeIssue } from '../internal/decodeError.js'
import * as E from 'fp-ts/lib/Either.js'
import type { Duration, Instant } from '../time/index.js'
import type { CustomerCalendar, CustomerWorkarounds, RunningWorkaround } from './model.js'
import { byTicketId, latest } from './pool.js'
import { isCalendar, isInstant, isTicket } from './guard.js'
import { isFinished } from '../ticket/index.js'

const calendarOf = (calendar: CustomerCalendar, customer: string): BusinessCalendar =>
  typeof calendar === 'function' ? calendar(customer) : calendar

/**
 * Tells whether a ticket runs on a workaround: it has one in force, is not a problem (a problem's
 * workaround is the known error's, see {@link knownError}) and is not closed or cancelled. A
 * ticket resolved with code `workaround` still runs on it. False for a value that is not a ticket.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time, Workaround } from 'itsm-kit'
 * const kari = { role: 'agent', id: 'kari' } as const
 * const incident = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: Time.instant('2025-03-10T08:00:00Z'), actor: kari, ticketId: Ticket.ticketId('INC-1'), channel: 'phone',
 *     customer: 'Fjord AS', requester: 'ola', title: 'VPN down', kind: 'incident' },
 *   { _tag: 'ApplyWorkaround', at: Time.instant('2025-03-10T09:00:00Z'), actor: kari, description: 'Use the web client' },
 *   { _tag: 'Resolve', at: Time.instant('2025-03-10T09:00:00Z'), actor: kari, code: 'workaround', note: 'Web client works' }
 * ])
 * assert.deepStrictEqual(pipe(incident, E.map(Workaround.isOnWorkaround)), E.right(true))
 * ```
 * @category guards
 * @since 0.1.0
 */
export const isOnWorkaround = (self: Ticket): boolean =>
  isTicket(self) && self.workaround !== undefined && self.kind !== 'problem' && !isFinished(self)

/**
 * Returns how long the ticket's workaround has been in force at `now`, in business time on the
 * calendar; zero when `now` is not after the instant it was applied, none without a workaround
 * (and none for values a JavaScript caller should not pass: an invalid instant or calendar, or a
 * value that is not a ticket).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Ticket, Time, Workaround } from 'itsm-kit'
 * const oslo = Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }))
 * const at = Time.instant
 * const kari = { role: 'agent', id: 'kari' } as const
 * const incident = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('2025-03-07T14:00:00+01:00'), actor: kari, ticketId: Ticket.ticketId('INC-1'), channel: 'phone',
 *     customer: 'Fjord AS', requester: 'ola', title: 'VPN down', kind: 'incident' },
 *   { _tag: 'ApplyWorkaround', at: at('2025-03-07T15:00:00+01:00'), actor: kari, description: 'Use the web client' }
 * ])
 * const age = pipe(
 *   E.Do,
 *   E.apS('oslo', oslo),
 *   E.apSW('incident', incident),
 *   E.map(({ oslo, incident }) => pipe(incident, Workaround.age(at('2025-03-10T09:30:00+01:00'), oslo), O.map(Time.toISODuration)))
 * )
 * assert.deepStrictEqual(age, E.right(O.some('PT2H30M')))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const age =
  (now: Instant, calendar: BusinessCalendar) =>
  (self: Ticket): O.Option<Duration> =>
    !isTicket(self) || self.workaround === undefined || !isInstant(now) || !isCalendar(calendar)
      ? O.none
      : O.some(ageOn(self.workaround.appliedAt, now, calendar))

const ageOn = (appliedAt: Instant, now: Instant, calendar: BusinessCalendar): Duration =>
  now <= appliedAt ? (0 as Duration) : businessTimeBetween(appliedAt, now)(calendar)

const oldestFirst: Ord.Ord<RunningWorkaround> = Ord.getMonoid<RunningWorkaround>().concat(
  Ord.reverse(Ord.contramap((r: RunningWorkaround) => r.age as number)(N.Ord)),
  byTicketId
)

/**
 * Lists the tickets running on a workaround (see {@link isOnWorkaround}) per customer, with each
 * workaround's age at `now` in business time on the customer's calendar: customers by name,
 * their tickets oldest first (then by id). Customers without such tickets are left out, and so
 * are values that are not tickets and customers the calendar function gives no calendar for; an
 * invalid `now` or calendar gives an empty list.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Ticket, Time, Workaround } from 'itsm-kit'
 * const allDay = Calendar.make(Calendar.alwaysOpen)
 * const kari = { role: 'agent', id: 'kari' } as const
 * const incident = Ticket.run(Ticket.defaultContext)([
 *   { _tag: 'Open', at: Time.instant('2025-03-10T08:00:00Z'), actor: kari, ticketId: Ticket.ticketId('INC-1'), channel: 'phone',
 *     customer: 'Fjord AS', requester: 'ola', title: 'VPN down', kind: 'incident' },
 *   { _tag: 'ApplyWorkaround', at: Time.instant('2025-03-10T09:00:00Z'), actor: kari, description: 'Use the web client' }
 * ])
 * const report = pipe(
 *   E.Do,
 *   E.apS('allDay', allDay),
 *   E.apSW('incident', incident),
 *   E.map(({ allDay, incident }) => pipe([incident], Workaround.onWorkaround(Time.instant('2025-03-11T09:00:00Z'), allDay)))
 * )
 * assert.deepStrictEqual(report, E.right([{ customer: 'Fjord AS', tickets: [{ ticketId: 'INC-1', title: 'VPN down', status: 'New',
 *   description: 'Use the web client', appliedAt: Date.UTC(2025, 2, 10, 9), age: 86_400_000 }] }]))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const onWorkaround =
  (now: Instant, calendar: CustomerCalendar) =>
  (self: ReadonlyArray<Ticket>): ReadonlyArray<CustomerWorkarounds> => {
    const byCustomer = new Map<string, Array<RunningWorkaround>>()
    if (!isInstant(now) || !(typeof calendar === 'function' || isCalendar(calendar))) return []
    for (const t of latest(self)) {
      const w = t.workaround
      if (w === undefined || !isOnWorkaround(t)) continue
      const cal: unknown = calendarOf(calendar, t.customer)
      // a customer the calendar function gives no calendar for is left out
      if (!isCalendar(cal)) continue
      const running: RunningWorkaround = {
        ticketId: t.id,
        title: t.title,
        status: t.status._tag,
        description: w.description,
        appliedAt: w.appliedAt,
        ...(w.problemId === undefined ? {} : { problemId: w.problemId }),
        age: ageOn(w.appliedAt, now, cal)
      }
      const list = byCustomer.get(t.customer)
      if (list === undefined) byCustomer.set(t.customer, [running])
      else list.push(running)
    }
    return pipe(
      [...byCustomer.keys()],
      RA.sort(S.Ord),
      RA.map((customer) => ({ customer, tickets: RA.sort(oldestFirst)(byCustomer.get(customer) ?? []) }))
    )
  }

/**
 * Returns how long a ticket has run on workarounds up to `now`, in business time on the calendar,
 * read from its checked timeline (`Ticket.timeline`): every stretch from a `WorkaroundApplied`
 * to its withdrawal (or a replacing workaround), the one still in force counted up to `now`.
 * Events at `now` count, later ones are ignored. A history that does not replay gives the
 * replay's `Left`, and so do an invalid `now` or calendar.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Ticket, Time, Workaround } from 'itsm-kit'
 * const oslo = Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }))
 * const at = Time.instant
 * const kari = { role: 'agent', id: 'kari' } as const
 * const recorded = Ticket.runEvents(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('2025-03-07T14:00:00+01:00'), actor: kari, ticketId: Ticket.ticketId('INC-1'), channel: 'phone',
 *     customer: 'Fjord AS', requester: 'ola', title: 'VPN down', kind: 'incident' },
 *   { _tag: 'ApplyWorkaround', at: at('2025-03-07T15:00:00+01:00'), actor: kari, description: 'Use the web client' },
 *   { _tag: 'WithdrawWorkaround', at: at('2025-03-10T09:00:00+01:00'), actor: kari, reason: 'The web client is down too' },
 *   { _tag: 'ApplyWorkaround', at: at('2025-03-10T10:00:00+01:00'), actor: kari, description: 'Use the phone app' }
 * ])
 * // Friday 15–16, Monday 08–09, then Monday 10:00 to 10:30
 * const time = pipe(
 *   E.Do,
 *   E.apS('oslo', oslo),
 *   E.apSW('recorded', recorded),
 *   E.flatMap(({ oslo, recorded }) => pipe(recorded.events, Workaround.timeOnWorkaround(at('2025-03-10T10:30:00+01:00'), oslo))),
 *   E.map(Time.toISODuration)
 * )
 * assert.deepStrictEqual(time, E.right('PT2H30M'))
 * ```
 * @category queries
 * @since 0.2.0
 */
export const timeOnWorkaround =
  (now: Instant, calendar: BusinessCalendar, context: DecideContext = defaultContext) =>
  (self: ReadonlyArray<TicketEvent>): E.Either<TicketError, Duration> => {
    if (!isInstant(now))
      return E.left(decodeError([makeIssue('now', 'an instant (epoch milliseconds) from 1900 to 2200', now)]))
    if (!isCalendar(calendar))
      return E.left(decodeError([makeIssue('calendar', 'a business calendar compiled by Calendar.make', calendar)]))
    const checked = timeline(context ?? defaultContext)(self)
    if (E.isLeft(checked)) return checked
    const cut = timelineAt(now)(checked.right)
    let total = 0
    if (O.isSome(cut))
      for (const w of cut.value.workarounds) total += businessTimeBetween(w.from, w.to ?? now)(calendar)
    return E.right(total as Duration)
  }
