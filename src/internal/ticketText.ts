/**
 * How messages name a ticket, an event of its history and a status, in every concept that
 * reports on tickets (the ticket itself, escalation, workarounds). The rule of a well-formed
 * ticket id lives here too, so that the ticket (which brands ids) and the messages agree on it.
 * The shapes are structural: this layer knows no concept's types, and the ticket's own types
 * fit them (a status the ticket adds and the words here lack fails to compile where it is passed).
 *
 * @internal
 * @packageDocumentation
 */
import { absurd } from 'fp-ts/lib/function.js'
import { describe } from './describe.js'
import { showInstant } from './instantText.js'

const ID = /^[\x21-\x7e](?:[\x20-\x7e]{0,98}[\x21-\x7e])?$/

/** Whether a value is the text of a ticket id: 1 to 100 printable ASCII characters, no blank at either end. @internal */
export const isTicketIdText = (s: unknown): s is string => typeof s === 'string' && ID.test(s)

/** A ticket id as messages show it: as is when well formed, otherwise quoted and escaped (or summarised when long). @internal */
export const describeId = (id: unknown): string => (isTicketIdText(id) && id.length <= 60 ? id : describe(id))

/** What messages read of an event to say where it stands. @internal */
export interface EventPlace {
  readonly _tag: string
  readonly ticketId: unknown
  readonly seq: number
  readonly at: unknown
}

/** Where an event stands: `ticket INC-42, event 5 (TicketClosed at 2025-03-07T10:00:00Z)`. @internal */
export const where = (event: EventPlace): string =>
  `ticket ${describeId(event.ticketId)}, event ${event.seq} (${event._tag} at ${showInstant(event.at)})`

/** What messages read of a ticket's status: its tag, when it began, and the party or code it names. @internal */
export type StatusWords =
  | { readonly _tag: 'New' | 'InProgress' | 'Closed' | 'Cancelled'; readonly since: number }
  | { readonly _tag: 'Awaiting'; readonly since: number; readonly party: string }
  | { readonly _tag: 'Resolved'; readonly since: number; readonly code: string }

/** A status in words, with when it began: `a ticket awaiting the customer since 2025-03-07T10:00:00Z`. @internal */
export const describeStatus = (status: StatusWords): string => {
  const since = `since ${showInstant(status.since)}`
  switch (status._tag) {
    case 'New':
      return `a new ticket ${since}`
    case 'InProgress':
      return `a ticket in progress ${since}`
    case 'Awaiting':
      return `a ticket awaiting ${status.party === 'thirdParty' ? 'a third party' : `the ${status.party}`} ${since}`
    case 'Resolved':
      return `a ticket resolved with code ${describe(status.code)} ${since}`
    case 'Closed':
      return `a ticket closed ${since}`
    case 'Cancelled':
      return `a ticket cancelled ${since}`
    default:
      return absurd(status)
  }
}
