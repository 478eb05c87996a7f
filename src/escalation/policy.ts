import * as E from 'fp-ts/lib/Either.js'
import * as RA from 'fp-ts/lib/ReadonlyArray.js'
import { policyIssue, tiersIssue } from './guard.js'
import { pipe } from 'fp-ts/lib/function.js'
import { decodeError, makeIssue, type DecodeError, type Issue } from '../internal/decodeError.js'
import type { Target } from '../sla/index.js'
import type { Duration } from '../time/index.js'
import {
  decodePolicyShape,
  decodeTiersShape,
  EscalationPolicyJson,
  TiersJson,
  type EscalationPolicyWire,
  type EscalationTierWire,
  type PolicyShape
} from './codec.js'
import { duplicateTier, noTiers, unknownTier, type EscalationError } from './errors.js'
import type { EscalationPolicy, EscalationTier, Tiers } from './model.js'

const h = (hours: number): Duration => (hours * 3_600_000) as Duration

/** The first broken invariant of a ladder (tiers under `path`), if any. */
const checkTiers = (tiers: ReadonlyArray<EscalationTier>, path: string): EscalationError | undefined => {
  if (tiers.length === 0) return noTiers(path)
  const seen = new Map<string, number>()
  for (const [i, tier] of tiers.entries()) {
    const first = seen.get(tier.name)
    if (first !== undefined) return duplicateTier(`${path}[${i}].name`, tier.name, first)
    seen.set(tier.name, i)
  }
  return undefined
}

/** Paths in a bare ladder start at its index (`[0].timebox`): root them at `tiers`, as in a policy. */
const underTiers = (i: Issue): Issue => {
  const path = i.path === '$' ? 'tiers' : i.path.startsWith('[') ? `tiers${i.path}` : `tiers.${i.path}`
  return { ...i, path, message: `${path}${i.message.slice(i.path.length)}` }
}

/** A checked ladder: at least one tier, names unique. */
const toTiers = (tiers: ReadonlyArray<EscalationTier>, path: string): E.Either<EscalationError, Tiers> => {
  const broken = checkTiers(tiers, path)
  return broken !== undefined ? E.left(broken) : RA.isNonEmpty(tiers) ? E.right(tiers) : E.left(noTiers(path))
}

/** A checked policy: its ladder, and every tier a priority rule names on it. */
const toPolicy = (shape: PolicyShape): E.Either<EscalationError, EscalationPolicy> =>
  pipe(
    toTiers(shape.tiers, 'tiers'),
    E.flatMap((tiers): E.Either<EscalationError, EscalationPolicy> => {
      const names = tiers.map((t) => t.name)
      for (const [priority, rule] of Object.entries(shape.priorities))
        if (rule.atLeast !== undefined && !names.includes(rule.atLeast))
          return E.left(unknownTier(`priorities.${priority}.atLeast`, rule.atLeast, names))
      return E.right({ ...shape, tiers })
    })
  )

/** Encodes typed input for a shape check; input that cannot even be encoded is reported, not thrown. */
const encodeSafely = <A>(encode: (a: A) => unknown, a: A): E.Either<DecodeError, unknown> => {
  try {
    return E.right(encode(a))
  } catch {
    return E.left(decodeError([makeIssue('$', 'plain data of the documented shape', a)]))
  }
}

/**
 * Checks an escalation ladder: at least one tier, unique non-blank names, non-negative
 * timeboxes and underpinning targets.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Escalation } from 'itsm-kit'
 * const twice = Escalation.makeTiers([{ name: 'L1' }, { name: 'L2' }, { name: 'L1' }])
 * assert.deepStrictEqual(pipe(twice, E.mapLeft((e) => e.message)), E.left(
 *   'tiers[2].name: expected a tier name not used before, received "L1", the name of tiers[0]'))
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const makeTiers = (tiers: ReadonlyArray<EscalationTier>): E.Either<EscalationError, Tiers> =>
  pipe(encodeSafely(TiersJson.encode, tiers as Tiers), E.flatMap(decodeTiers))

/**
 * Reads an escalation ladder from JSON (timeboxes as ISO-8601 durations) and checks it as
 * {@link makeTiers} does.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Escalation } from 'itsm-kit'
 * assert.deepStrictEqual(Escalation.decodeTiers([{ name: 'L1', timebox: 'PT30M' }, { name: 'vendor', external: { party: 'vendor' } }]),
 *   E.right([{ name: 'L1', timebox: 1_800_000 }, { name: 'vendor', external: { party: 'vendor' } }]))
 * assert.deepStrictEqual(pipe(Escalation.decodeTiers([{ name: 'L1', timebox: '-PT30M' }]), E.mapLeft((e) => e.message)), E.left(
 *   'tiers[0].timebox: expected a non-negative ISO-8601 duration such as "PT30M", received "-PT30M"'))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeTiers = (u: unknown): E.Either<EscalationError, Tiers> =>
  pipe(
    decodeTiersShape(u),
    E.mapLeft((e): EscalationError => decodeError(e.issues.map(underTiers))),
    E.flatMap((ts) => toTiers(ts, 'tiers'))
  )

/**
 * Writes an escalation ladder as JSON data; a value that is not a ladder (as a JavaScript caller
 * may pass) writes as an empty list.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Escalation } from 'itsm-kit'
 * assert.deepStrictEqual(Escalation.encodeTiers(Escalation.examplePolicy.tiers)[0], { name: 'L1', timebox: 'PT30M' })
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodeTiers = (tiers: Tiers): ReadonlyArray<EscalationTierWire> =>
  tiersIssue(tiers, 'tiers') === undefined ? TiersJson.encode(tiers) : []

/**
 * Checks an escalation policy: its ladder as {@link makeTiers} does, notice thresholds strictly
 * between 0 and 1 (or `'breach'`), and that every tier a priority rule names is on the ladder.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Escalation } from 'itsm-kit'
 * assert.strictEqual(E.isRight(Escalation.make(Escalation.examplePolicy)), true)
 * const typo = { ...Escalation.examplePolicy, priorities: { P1: { atLeast: 'L3' } } }
 * assert.deepStrictEqual(pipe(Escalation.make(typo), E.mapLeft((e) => e.message)), E.left(
 *   'priorities.P1.atLeast: expected one of the policy\'s tiers ("L1", "L2", "solution team", "vendor"), received "L3"'))
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const make = (policy: EscalationPolicy): E.Either<EscalationError, EscalationPolicy> =>
  pipe(encodeSafely(EscalationPolicyJson.encode, policy), E.flatMap(decodePolicyShape), E.flatMap(toPolicy))

/**
 * Reads an escalation policy from JSON (durations as ISO-8601) and checks it as {@link make} does.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Escalation } from 'itsm-kit'
 * const json = { _tag: 'EscalationPolicy', name: 'Gold', tiers: [{ name: 'L1', timebox: 'PT30M' }, { name: 'L2' }],
 *   notices: [{ metric: 'resolution', threshold: 1.5, audience: 'boss' }], priorities: {}, holdUntilOpen: true }
 * assert.deepStrictEqual(pipe(Escalation.decodePolicy(json), E.mapLeft((e) => e.message.split('\n'))), E.left([
 *   'notices[0].threshold: expected a fraction of the target strictly between 0 and 1, or "breach", received 1.5',
 *   'notices[0].audience: expected one of "assignee" | "teamLead" | "manager", received "boss"'
 * ]))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodePolicy = (u: unknown): E.Either<EscalationError, EscalationPolicy> =>
  pipe(decodePolicyShape(u), E.flatMap(toPolicy))

/**
 * Writes an escalation policy as JSON data; a value that is not an escalation policy (as a
 * JavaScript caller may pass) writes as `null`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Escalation } from 'itsm-kit'
 * const json = Escalation.encodePolicy(Escalation.examplePolicy)
 * assert.strictEqual(json?.tiers[1]?.timebox, 'PT2H')
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodePolicy = (policy: EscalationPolicy): EscalationPolicyWire | null =>
  policyIssue(policy) === undefined && typeof policy.name === 'string' ? EscalationPolicyJson.encode(policy) : null

/**
 * A typical policy to start from or to read as an example. The ladder: the service desk `L1`
 * (timebox 30 min), `L2` (2 h), a `solution team` (8 h) and the software `vendor` (external,
 * underpinning resolution targets P1 4 h, P2 8 h, P3 16 h, P4 24 h, P5 40 h). Notices: the team
 * lead when a response is breached and when a resolution passes 75 %, the manager when a
 * resolution is breached. A P1 goes straight to `L2`, the manager is told at once, and its
 * notices page immediately; all other notices wait for the customer's next business opening.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Escalation } from 'itsm-kit'
 * assert.deepStrictEqual(Escalation.examplePolicy.tiers.map((t) => t.name), ['L1', 'L2', 'solution team', 'vendor'])
 * assert.deepStrictEqual(Escalation.examplePolicy.priorities['P1'], { atLeast: 'L2', notify: ['manager'], holdUntilOpen: false })
 * ```
 * @category constants
 * @since 0.1.0
 */
export const examplePolicy: EscalationPolicy = {
  _tag: 'EscalationPolicy',
  name: 'Standard ladder (L1 → L2 → solution team → vendor)',
  tiers: [
    { name: 'L1', timebox: h(0.5) },
    { name: 'L2', timebox: h(2) },
    { name: 'solution team', timebox: h(8) },
    {
      name: 'vendor',
      external: { party: 'vendor', underpinning: { P1: h(4), P2: h(8), P3: h(16), P4: h(24), P5: h(40) } }
    }
  ],
  notices: [
    { metric: 'response', threshold: 'breach', audience: 'teamLead' },
    { metric: 'resolution', threshold: 0.75, audience: 'teamLead' },
    { metric: 'resolution', threshold: 'breach', audience: 'manager' }
  ],
  priorities: { P1: { atLeast: 'L2', notify: ['manager'], holdUntilOpen: false } },
  holdUntilOpen: true
}

/**
 * Returns the tiers' timeboxes as SLA tier targets (`SlaPolicy.tiers`), so that `Sla.evaluate`
 * reports the time each ticket spent per tier (`tier:<name>` metrics) against the same numbers
 * (none for a value that is not a ladder).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Escalation } from 'itsm-kit'
 * assert.deepStrictEqual(Escalation.tierTargets(Escalation.examplePolicy.tiers), {
 *   L1: { _tag: 'BusinessTime', duration: 1_800_000 },
 *   L2: { _tag: 'BusinessTime', duration: 7_200_000 },
 *   'solution team': { _tag: 'BusinessTime', duration: 28_800_000 }
 * })
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const tierTargets = (tiers: Tiers): Readonly<Record<string, Target>> =>
  tiersIssue(tiers, 'tiers') !== undefined
    ? {}
    : Object.fromEntries(
        tiers.flatMap((t) =>
          t.timebox === undefined ? [] : [[t.name, { _tag: 'BusinessTime', duration: t.timebox } as const]]
        )
      )
