import { literals } from './primitives.js'

// The audiences of a notice are defined here, once: a ticket records the notices it was sent
// (`NoticeSent`, `Notify`) and escalation decides them, so the definition sits below both. The
// type is spelt out for the reference documentation; the list below is checked against it both ways.

/**
 * Who is told about a ticket up the line (hierarchical escalation).
 *
 * @category models
 * @since 0.1.0
 */
export type Audience = 'assignee' | 'teamLead' | 'manager'

/**
 * Every {@link Audience}, lowest first.
 *
 * @internal
 */
export const audiences = ['assignee', 'teamLead', 'manager'] as const satisfies ReadonlyArray<Audience>

// fails to compile when an audience is missing from the list
const _everyAudienceListed: readonly [Exclude<Audience, (typeof audiences)[number]>] extends readonly [never]
  ? true
  : never = true

/**
 * The audiences as error messages list them: `"assignee" | "teamLead" | "manager"`.
 *
 * @internal
 */
export const audienceList: string = audiences.map((a) => `"${a}"`).join(' | ')

/**
 * io-ts codec of an audience.
 *
 * @internal
 */
export const AudienceJson = literals(audiences)
