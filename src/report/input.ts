import * as E from 'fp-ts/lib/Either.js'
import { isBusinessCalendar } from '../calendar/index.js'
import { eachItem } from '../internal/primitives.js'
import type { Agreement } from '../sla/index.js'
import type { TicketEvent } from '../ticket/index.js'
import { invalid, type ReportError } from './errors.js'
import type { CombineFn, Rejected } from './model.js'

/** The result of a combine function over all of a caller's histories, checked to be an array. @internal */
export const combineAll = <A, R>(
  c: E.Either<ReportError, CombineFn<A, R>>,
  histories: unknown
): E.Either<ReportError, R> => {
  if (E.isLeft(c)) return c
  if (!Array.isArray(histories)) return E.left(invalid('histories', 'an array of ticket histories', histories))
  return E.right(c.right.result(c.right.addAll(histories as ReadonlyArray<ReadonlyArray<TicketEvent>>)(c.right.empty)))
}

/**
 * Visits each history of an array or other iterable, in order; one that is not iterable, or that
 * throws part of the way (the histories before it are visited), is listed in `rejected`.
 * @internal
 */
export const visitAll = (
  histories: Iterable<ReadonlyArray<TicketEvent>>,
  visit: (history: ReadonlyArray<TicketEvent>) => void,
  rejected: Rejected[]
): void => {
  const read = eachItem(histories, visit)
  if (read !== 'done')
    rejected.push({
      ticketId: '(unknown)',
      message:
        read === 'not iterable'
          ? 'expected an array or other iterable of ticket histories'
          : 'the iterable of ticket histories failed part of the way; the histories before it count'
    })
}

/** Agreements by customer, checked. @internal */
export const agreementsByCustomer = (agreements: unknown): E.Either<ReportError, ReadonlyMap<string, Agreement>> => {
  if (!Array.isArray(agreements))
    return E.left(invalid('agreements', 'an array of agreements, each naming its customer', agreements))
  const out = new Map<string, Agreement>()
  for (const [i, a] of (agreements as ReadonlyArray<unknown>).entries()) {
    const r = a as Partial<Agreement> | null
    if (typeof r !== 'object' || r === null) return E.left(invalid(`agreements[${i}]`, 'an agreement', r))
    if (typeof r.customer !== 'string' || r.customer.length === 0)
      return E.left(invalid(`agreements[${i}].customer`, 'the customer the agreement covers', r.customer))
    if (!isBusinessCalendar(r.calendar))
      return E.left(invalid(`agreements[${i}].calendar`, 'a compiled business calendar', r.calendar))
    if (typeof r.policy !== 'object' || r.policy === null || r.policy._tag !== 'SlaPolicy')
      return E.left(invalid(`agreements[${i}].policy`, 'an SLA policy', r.policy))
    if (out.has(r.customer))
      return E.left(invalid(`agreements[${i}].customer`, 'one agreement per customer', r.customer))
    out.set(r.customer, r as Agreement)
  }
  return E.right(out)
}

/** Checks the shape a history must have to be read at all: an array of events with instants. @internal */
export const historyProblem = (h: unknown): string | undefined => {
  if (!Array.isArray(h)) return 'expected an array of ticket events'
  for (let i = 0; i < h.length; i++) {
    const r = (h as ReadonlyArray<unknown>)[i] as Partial<TicketEvent> | null
    if (
      typeof r !== 'object' ||
      r === null ||
      typeof r._tag !== 'string' ||
      typeof r.at !== 'number' ||
      !Number.isFinite(r.at)
    )
      return `event ${i}: expected a ticket event with a tag and an instant`
  }
  return undefined
}

/** The ticket id of a history, for rejections. @internal */
export const idOf = (h: unknown): string => {
  const first = Array.isArray(h) ? (h[0] as { ticketId?: unknown } | undefined) : undefined
  const id = first?.ticketId
  return typeof id === 'string' ? (id.length <= 60 ? id : `${id.slice(0, 60)}…`) : '(unknown)'
}

/** The customer of a history (its first event's), if any. @internal */
export const customerOf = (h: ReadonlyArray<TicketEvent>): string | undefined => {
  const first = h[0]
  return first !== undefined && first._tag === 'TicketOpened' && typeof first.customer === 'string'
    ? first.customer
    : undefined
}

/** Checks an instant argument. @internal */
export const checkInstant = (u: unknown, path: string): E.Either<ReportError, number> =>
  typeof u === 'number' && Number.isInteger(u) && Math.abs(u) <= 8.64e15
    ? E.right(u)
    : E.left(invalid(path, 'an instant (epoch milliseconds)', u))
