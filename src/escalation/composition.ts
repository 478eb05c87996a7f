import type { TicketKind } from '../kind/index.js'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as Sla from '../sla/index.js'
import { pausingParties, targetFor, type SlaPolicy } from '../sla/index.js'
import { policyIssue } from './guard.js'
import { formatBusinessDuration, type Duration } from '../time/index.js'
import type { CompositionPart, CompositionViolation, EscalationPolicy } from './model.js'
import { own } from '../internal/primitives.js'

/**
 * Options of {@link checkComposition}: the ticket kind whose resolution targets to check (the
 * policy's `byKind` targets; the general targets unless given), and the length of a business day,
 * to count a target of n business days as the least it can allow, n full days (8 h unless given).
 *
 * @category models
 * @since 0.1.0
 */
export interface CompositionOptions {
  readonly kind?: TicketKind
  readonly businessDay?: Duration
}

/**
 * Checks that the escalation ladder fits inside the customer's resolution targets: for every
 * priority the SLA policy gives a resolution target, the bounds of the tiers a ticket of that
 * priority may pass (an external tier's underpinning target for the priority, else its timebox)
 * must add up to no more than the target. Returns each violation with the numbers, such as
 * `P1: L1 30 min + L2 2 h + solution team 2 h + vendor 4 h = 8 h 30 min > resolution 4 h`.
 *
 * - Values that are not policies (as a JavaScript caller may pass) have nothing to check: no
 *   violations.
 * - Tiers below a priority rule's `atLeast` are skipped for that priority (a P1 that goes
 *   straight to `L2` spends no time at `L1`).
 * - An external tier whose party the resolution clock pauses for (`pauseWhileAwaiting`) is
 *   skipped too: its time does not count against the customer's target.
 * - A tier with neither a timebox nor an underpinning target for the priority is reported as
 *   `UnboundedTier` (the ladder cannot promise anything past it).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Escalation, Sla } from 'itsm-kit'
 * const policy = Escalation.decodePolicy({ _tag: 'EscalationPolicy', name: 'Gold', notices: [], priorities: {}, holdUntilOpen: true, tiers: [
 *   { name: 'L1', timebox: 'PT30M' }, { name: 'L2', timebox: 'PT2H' }, { name: 'solution team', timebox: 'PT2H' },
 *   { name: 'vendor', external: { party: 'vendor', underpinning: { P1: 'PT4H', P2: 'PT4H', P3: 'PT8H', P4: 'PT16H', P5: 'PT40H' } } }
 * ] })
 * const violations = pipe(policy, E.map(Escalation.checkComposition(Sla.examplePolicy)))
 * assert.deepStrictEqual(pipe(violations, E.map((vs) => vs.map((v) => v.message))), E.right([
 *   'P1: L1 30 min + L2 2 h + solution team 2 h + vendor 4 h = 8 h 30 min > resolution 4 h',
 *   'P2: L1 30 min + L2 2 h + solution team 2 h + vendor 4 h = 8 h 30 min > resolution 8 h'
 * ]))
 * ```
 * @category queries
 * @since 0.1.0
 */
export const checkComposition =
  (sla: SlaPolicy, options: CompositionOptions = {}) =>
  (self: EscalationPolicy): ReadonlyArray<CompositionViolation> => {
    // values that are not policies (as a JavaScript caller may pass) have nothing to check
    if (
      policyIssue(self) !== undefined ||
      E.isLeft(Sla.make(sla)) ||
      !(options === undefined || options === null || typeof options === 'object')
    )
      return []
    const o: CompositionOptions = options ?? {}
    if (o.kind !== undefined && !['incident', 'serviceRequest', 'question', 'problem', 'feedback'].includes(o.kind))
      return []
    if (
      o.businessDay !== undefined &&
      !(typeof o.businessDay === 'number' && Number.isFinite(o.businessDay) && o.businessDay > 0)
    )
      return []
    return compose(sla, o, self)
  }

const compose = (
  sla: SlaPolicy,
  options: CompositionOptions,
  self: EscalationPolicy
): ReadonlyArray<CompositionViolation> => {
  const resolution = sla.metrics.resolution
  if (resolution === undefined) return []
  const table = (options.kind === undefined ? undefined : resolution.byKind?.[options.kind]) ?? resolution.targets
  const day = options.businessDay ?? 8 * 3_600_000
  const out: CompositionViolation[] = []
  for (const priority of Object.keys(table)) {
    const found = targetFor('resolution', priority, options.kind)(sla)
    if (O.isNone(found)) continue
    const target = found.value
    const limit = target._tag === 'BusinessTime' ? target.duration : target.days * day
    const rule = own(self.priorities, priority)
    const from =
      rule?.atLeast === undefined
        ? 0
        : Math.max(
            0,
            self.tiers.findIndex((t) => t.name === rule.atLeast)
          )
    const parts: CompositionPart[] = []
    for (const tier of self.tiers.slice(from)) {
      if (tier.external !== undefined && pausingParties('resolution')(sla).includes(tier.external.party)) continue
      const underpinning = tier.external?.underpinning
      const uc = underpinning === undefined ? undefined : own(underpinning, priority)
      if (uc !== undefined) parts.push({ tier: tier.name, duration: uc, source: 'underpinning' })
      else if (tier.timebox !== undefined) parts.push({ tier: tier.name, duration: tier.timebox, source: 'timebox' })
      else
        out.push({
          _tag: 'UnboundedTier',
          priority,
          tier: tier.name,
          message: `${priority}: expected a timebox${tier.external === undefined ? '' : ' or an underpinning target'} on every tier a ${priority} may pass, received none on ${JSON.stringify(tier.name)}`
        })
    }
    const total = parts.reduce((sum, p) => sum + p.duration, 0)
    if (total > limit)
      out.push({
        _tag: 'TargetExceeded',
        priority,
        parts,
        total: total as Duration,
        target: limit as Duration,
        message: `${priority}: ${parts.map((p) => `${p.tier} ${formatBusinessDuration(p.duration)}`).join(' + ')} = ${formatBusinessDuration(total as Duration)} > resolution ${target._tag === 'BusinessTime' ? formatBusinessDuration(limit as Duration) : `${target.days} business day${target.days === 1 ? '' : 's'} (${formatBusinessDuration(limit as Duration)})`}`
      })
  }
  return out
}
