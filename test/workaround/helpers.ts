import { Ticket } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'

/** A ticket with the events that built it. */
export interface Built {
  readonly ticket: Ticket.Ticket
  readonly events: ReadonlyArray<Ticket.TicketEvent>
}

/** Builds a ticket from commands (the first is `Open`) with the default context. */
export const build = (commands: ReadonlyArray<Ticket.TicketCommand>): Built => {
  const { ticket, events } = getRight(Ticket.runEvents(Ticket.defaultContext)(commands))
  return { ticket: ticket as Ticket.Ticket, events }
}

/** Continues a built ticket with more commands. */
export const extend = (self: Built, commands: ReadonlyArray<Ticket.TicketCommand>): Built => {
  const { ticket, events } = getRight(Ticket.runEvents(Ticket.defaultContext, self.ticket)(commands))
  return { ticket: ticket as Ticket.Ticket, events: [...self.events, ...events] }
}

/** Appends stored events (of a rollout or a withdrawal) to a built ticket, checking every rule. */
export const store = (self: Built, events: ReadonlyArray<Ticket.TicketEvent>): Built => {
  const all = [...self.events, ...events.filter((e) => e.ticketId === self.ticket.id)]
  return { ticket: getRight(Ticket.replay()(all)), events: all }
}

export const id = (s: string): Ticket.TicketId => getRight(Ticket.makeTicketId(s))
