import { describe, isBlank } from '../internal/describe.js'
import { where } from '../internal/ticketText.js'
import type { TicketEscalated, TicketEvent } from '../ticket/index.js'
import type { MissingHandoverNote } from './model.js'
import { isArrayValue } from '../internal/primitives.js'

/**
 * Lists the tickets whose latest handover between tiers has no note (missing, empty or only
 * blanks), one finding per ticket, in the order of the histories. `Ticket.decide` never lets
 * this happen, and `Ticket.replay` refuses such a history, so it concerns imported histories:
 * this query works on the raw events and never fails. Empty histories are skipped.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Escalation, Ticket, Time } from 'itsm-kit'
 * const header = (seq: number, hhmm: string) => ({ ticketId: Ticket.ticketId('INC-9'), seq, at: Time.instant(`2025-03-07T${hhmm}:00Z`), actor: { role: 'agent', id: 'kari' } } as const)
 * const imported: ReadonlyArray<Ticket.TicketEvent> = [
 *   { _tag: 'TicketOpened', ...header(1, '08:00'), channel: 'phone', customer: 'ACME', requester: 'ola', title: 'Printer jam', tier: 'L1' },
 *   { _tag: 'TicketEscalated', ...header(2, '08:40'), toTier: 'L2', note: ' ' }
 * ]
 * assert.deepStrictEqual(Escalation.missingHandoverNotes([imported]).map((m) => m.message), [
 *   'ticket INC-9, event 2 (TicketEscalated at 2025-03-07T08:40:00Z): expected a handover note for "L2", received " "'
 * ])
 * ```
 * @category queries
 * @since 0.1.0
 */
export const missingHandoverNotes = (
  self: ReadonlyArray<ReadonlyArray<TicketEvent>>
): ReadonlyArray<MissingHandoverNote> => {
  const out: MissingHandoverNote[] = []
  // values a JavaScript caller should not pass (not a list, not an event) are passed over
  if (!isArrayValue(self)) return out
  for (const events of self) {
    if (!Array.isArray(events)) continue
    let latest: TicketEscalated | undefined
    for (const e of events as ReadonlyArray<unknown>)
      if (typeof e === 'object' && e !== null && (e as TicketEvent)._tag === 'TicketEscalated')
        latest = e as TicketEscalated
    if (latest === undefined || !isBlank(latest.note)) continue
    out.push({
      _tag: 'MissingHandoverNote',
      ticketId: String(latest.ticketId),
      seq: latest.seq,
      at: latest.at,
      toTier: latest.toTier,
      message: `${where(latest)}: expected a handover note for ${describe(latest.toTier)}, received ${describe(latest.note)}`
    })
  }
  return out
}
