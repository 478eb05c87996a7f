/**
 * Escalation: the ladder a ticket climbs (service desk `L1` → second line → solution team →
 * software vendor) as checked data, and an escalation policy that decides, at an explicit
 * instant, what is due for a ticket from its events and the customer's SLA agreement —
 * *functional* escalation to the next tier when the current tier's timebox is spent or the
 * priority demands it, and *hierarchical* notices to the assignee, team lead or manager at SLA
 * thresholds and breaches, held until the next business opening unless the policy says
 * otherwise. Each decision fires once: once recorded as a ticket event, it is not decided again.
 *
 * {@link evaluate} returns plain decisions; {@link toCommands} turns them into ticket commands
 * (with the caller's handover note); {@link missingHandoverNotes} finds imported histories whose
 * latest handover has no note; {@link checkComposition} checks that the tiers' timeboxes and
 * the vendor's underpinning targets fit inside the customer's resolution targets.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Escalation, Sla, Ticket, Time } from 'itsm-kit'
 * const agreement = Sla.makeAgreement({ calendar: { ...Calendar.alwaysOpen, zone: 'Europe/Oslo' }, policy: Sla.examplePolicy })
 * const at = Time.instant
 * const ops = { role: 'system', id: 'monitoring' } as const
 * const recorded = Ticket.runEvents(Ticket.defaultContext)([
 *   { _tag: 'Open', at: at('2025-05-10T23:10:00+02:00'), actor: ops, ticketId: Ticket.ticketId('INC-1'), channel: 'monitoring', customer: 'ACME', requester: 'ops', title: 'ERP down', kind: 'incident' },
 *   { _tag: 'Prioritise', at: at('2025-05-10T23:10:00+02:00'), actor: ops, urgency: 'high', impact: 'high' }
 * ])
 * const decisions = pipe(
 *   E.Do,
 *   E.apS('agreement', agreement),
 *   E.apSW('recorded', recorded),
 *   E.flatMap(({ agreement, recorded }) => pipe(recorded.events, Escalation.evaluate(Escalation.examplePolicy, agreement, at('2025-05-10T23:11:00+02:00'))))
 * )
 * // a P1 goes straight to L2, and the duty manager is paged at once, on a Saturday night
 * assert.deepStrictEqual(pipe(decisions, E.map((ds) => ds.map((d) => (d._tag === 'EscalationDue' ? `escalate to ${d.toTier}` : `tell the ${d.audience} (${d.reason}) at ${Time.toISO(d.sendAt)}`)))), E.right([
 *   'escalate to L2',
 *   'tell the manager (priority:P1) at 2025-05-10T21:11:00Z'
 * ]))
 * ```
 * @module Escalation
 * @since 0.1.0
 */
export type {
  Audience,
  CompositionPart,
  CompositionViolation,
  Decision,
  EscalationDue,
  EscalationPolicy,
  EscalationReason,
  EscalationTier,
  ExternalParty,
  MissingHandoverNote,
  NoticeDue,
  NoticeReason,
  NoticeRule,
  PriorityEscalation,
  Tiers
} from './model.js'
export type { DuplicateTier, EscalationError, HandoverNoteRequired, NoTiers, UnknownTier } from './errors.js'
export type { EscalationPolicyWire, EscalationTierWire } from './codec.js'
export {
  decodePolicy,
  decodeTiers,
  encodePolicy,
  encodeTiers,
  examplePolicy,
  make,
  makeTiers,
  tierTargets
} from './policy.js'
export { evaluate, type EvaluateOptions } from './evaluate.js'
export { toCommands, type CommandOptions } from './commands.js'
export { missingHandoverNotes } from './handover.js'
export { checkComposition, type CompositionOptions } from './composition.js'
