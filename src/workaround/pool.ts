import * as Ord from 'fp-ts/lib/Ord.js'
import * as S from 'fp-ts/lib/string.js'
import type { Ticket, TicketId } from '../ticket/index.js'
import { isTicket } from './guard.js'
import { isArrayValue } from '../internal/primitives.js'

/**
 * The tickets with one ticket per id: for an id given twice, the one with the highest version
 * (the first of equal versions), so that a stale snapshot next to a fresh one does no harm.
 * Values that are not tickets (as a JavaScript caller may pass) are left out.
 *
 * @internal
 */
export const latest = (tickets: ReadonlyArray<Ticket>): ReadonlyArray<Ticket> => {
  const seen = new Map<string, number>()
  const out: Array<Ticket> = []
  if (!isArrayValue(tickets)) return out
  for (const t of tickets as ReadonlyArray<unknown>) {
    if (!isTicket(t)) continue
    const i = seen.get(t.id)
    if (i === undefined) {
      seen.set(t.id, out.length)
      out.push(t)
    } else if (t.version > (out[i] as Ticket).version) out[i] = t
  }
  return out
}

/** The tickets that link to each problem, by problem id. @internal */
export const linksByProblem = (tickets: ReadonlyArray<Ticket>): ReadonlyMap<string, ReadonlyArray<Ticket>> => {
  const links = new Map<string, Array<Ticket>>()
  for (const t of tickets)
    for (const p of t.problemIds) {
      if (p === t.id) continue
      const list = links.get(p)
      if (list === undefined) links.set(p, [t])
      else list.push(t)
    }
  return links
}

/** Whether a ticket is new, in progress or awaiting someone. @internal */
export const isActive = (t: Ticket): boolean =>
  t.status._tag === 'New' || t.status._tag === 'InProgress' || t.status._tag === 'Awaiting'

/** Orders anything with a ticket id by that id. @internal */
export const byTicketId: Ord.Ord<{ readonly ticketId: TicketId }> = Ord.contramap(
  (x: { readonly ticketId: TicketId }) => x.ticketId as string
)(S.Ord)
