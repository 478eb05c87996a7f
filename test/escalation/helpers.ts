import { Calendar, Ticket, type Time } from '../../src/index.js'
import type * as Escalation from '../../src/escalation/index.js'
import { compile, getRight, instant } from '../helpers/unsafe.js'

/** The Oslo desk: Mon–Fri 08–16 with Norwegian holidays. */
export const oslo = compile(
  Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
)
/** A 24/7 contract in Oslo. */
export const always = compile({ ...Calendar.alwaysOpen, zone: 'Europe/Oslo' })

export const kari = { role: 'agent', id: 'kari' } as const
export const ola = { role: 'customer', id: 'ola' } as const
export const system = { role: 'system', id: 'escalation' } as const

export const open = (at: string, extra: Partial<Ticket.Open> = {}): Ticket.TicketCommand => ({
  _tag: 'Open',
  at: instant(at),
  actor: kari,
  ticketId: 'INC-1' as Ticket.TicketId,
  channel: 'phone',
  customer: 'Fjord AS',
  requester: 'ola',
  title: 'VPN drops',
  kind: 'incident',
  ...extra
})
export const prio = (at: string, urgency: string, impact: string): Ticket.TicketCommand => ({
  _tag: 'Prioritise',
  at: instant(at),
  actor: kari,
  urgency,
  impact
})
export const escalate = (
  at: string,
  toTier: string,
  note = 'Checked the client logs; tunnel drops every 5 minutes'
): Ticket.TicketCommand => ({
  _tag: 'Escalate',
  at: instant(at),
  actor: kari,
  toTier,
  note
})
export const reply = (at: string): Ticket.TicketCommand => ({
  _tag: 'Reply',
  at: instant(at),
  actor: kari,
  message: 'We are on it'
})

/** The events of a list of commands, decided in turn with the default context. */
export const eventsOf = (commands: ReadonlyArray<Ticket.TicketCommand>): ReadonlyArray<Ticket.TicketEvent> =>
  getRight(Ticket.runEvents(Ticket.defaultContext)(commands)).events

/** Decides more commands on top of a history (every rule checked) and returns the longer history. */
export const record = (
  events: ReadonlyArray<Ticket.TicketEvent>,
  commands: ReadonlyArray<Ticket.TicketCommand>
): ReadonlyArray<Ticket.TicketEvent> => {
  const state = getRight(Ticket.replay()(events))
  return [...events, ...getRight(Ticket.runEvents(Ticket.defaultContext, state)(commands)).events]
}

/** Every decision as a command at `at`, held notices included (tests only: a held notice is not sent yet). */
export const allAsCommands = (
  decisions: ReadonlyArray<Escalation.Decision>,
  at: Time.Instant
): ReadonlyArray<Ticket.TicketCommand> =>
  decisions.map((d) =>
    d._tag === 'EscalationDue'
      ? { _tag: 'Escalate', at, actor: system, toTier: d.toTier, note: `Automatic escalation from ${d.fromTier}` }
      : { _tag: 'Notify', at, actor: system, audience: d.audience, reason: d.reason }
  )
