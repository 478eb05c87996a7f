/**
 * The seed's desk for report tests: three customers on Oslo business hours (Mon–Fri 08–16,
 * Norwegian holidays) under the example policy. Fjord AS has a P1 with downtime, Vik Regnskap a
 * reopened Outlook licence problem, Berg Bygg only finished work.
 */
import * as E from 'fp-ts/lib/Either.js'
import { Calendar, Sla, Ticket, Time } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'

export const calendar = getRight(
  Calendar.make(
    Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
  )
)
export const zone = calendar.zone
export const agreements: ReadonlyArray<Sla.Agreement> = ['Berg Bygg', 'Fjord AS', 'Vik Regnskap'].map((customer) => ({
  customer,
  policy: Sla.examplePolicy,
  calendar
}))
export const at = (wall: string): Time.Instant => getRight(Time.fromLocal(zone)(wall))

export const kari = { role: 'agent', id: 'kari' } as const
export const ola = { role: 'customer', id: 'ola' } as const

type Bare<C> = C extends Ticket.TicketCommand ? Omit<C, 'at' | 'actor'> & { readonly actor?: Ticket.Actor } : never
/** A command without its instant (a local wall time instead) and with an optional actor (default Kari). */
export type Step = readonly [string, Bare<Ticket.TicketCommand>]

/** Events of a ticket from commands at local wall times. */
export const history = (steps: ReadonlyArray<Step>): ReadonlyArray<Ticket.TicketEvent> => {
  const commands = steps.map(([wall, c]) => ({ actor: kari, ...c, at: at(wall) }) as Ticket.TicketCommand)
  const r = Ticket.runEvents(Ticket.defaultContext)(commands)
  if (E.isLeft(r)) throw new Error(r.left.message)
  return r.right.events
}

const open = (id: string, customer: string, title: string, extra: Partial<Ticket.Open> = {}) =>
  ({
    _tag: 'Open',
    ticketId: id as Ticket.TicketId,
    channel: 'phone',
    customer,
    requester: 'ola',
    title,
    kind: 'incident',
    ...extra
  }) as const

/** Fjord AS: a P1 with downtime opened Monday 10 March 2025 at 07:50, not solved. */
export const fjordDown = history([
  ['2025-03-10T07:50', open('INC-101', 'Fjord AS', 'File server down', { channel: 'monitoring' })],
  ['2025-03-10T07:51', { _tag: 'Prioritise', urgency: 'high', impact: 'high' }],
  ['2025-03-10T08:05', { _tag: 'Reply', message: 'We are on it' }]
])

/** Vik Regnskap: an Outlook licence problem resolved last week, reopened Sunday evening by the customer. */
export const vikOutlook = history([
  ['2025-03-05T09:00', open('INC-202', 'Vik Regnskap', 'Outlook asks for a licence', { channel: 'email' })],
  ['2025-03-05T09:05', { _tag: 'Classify', kind: 'incident', category: 'licence' }],
  ['2025-03-05T09:05', { _tag: 'Prioritise', urgency: 'low', impact: 'low' }],
  ['2025-03-05T09:30', { _tag: 'Reply', message: 'Assigned a licence' }],
  ['2025-03-05T10:00', { _tag: 'Resolve', code: 'fixed', note: 'Licence assigned' }],
  ['2025-03-09T20:00', { _tag: 'Reject', reason: 'Still asks', actor: ola }]
])

/** Berg Bygg: a question answered and closed last week. */
export const bergDone = history([
  [
    '2025-03-06T12:00',
    open('REQ-303', 'Berg Bygg', 'How do I share a calendar?', { kind: 'question', channel: 'chat' })
  ],
  ['2025-03-06T12:01', { _tag: 'Prioritise', urgency: 'low', impact: 'low' }],
  ['2025-03-06T12:10', { _tag: 'Reply', message: 'Like this' }],
  ['2025-03-06T12:20', { _tag: 'Resolve', code: 'answered', note: 'Explained' }],
  ['2025-03-06T12:30', { _tag: 'Confirm', actor: ola }]
])
