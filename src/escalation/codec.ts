import type * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { decodeWith, type DecodeError } from '../internal/decodeError.js'
import { AudienceJson as Audience } from '../internal/audience.js'
import { literals, record, refine, stringWhere, tag } from '../internal/primitives.js'
import { DurationJson } from '../time/codec.js'
import type { EscalationPolicy, EscalationTier, NoticeRule, PriorityEscalation } from './model.js'

const NonNegativeDuration = refine(DurationJson, 'a non-negative ISO-8601 duration such as "PT30M"', (d) => d >= 0)

const TierName = stringWhere(
  'a tier name of 1 to 100 characters, not blank',
  (s) => s.trim().length > 0 && s.length <= 100
)

const THRESHOLD = 'a fraction of the target strictly between 0 and 1, or "breach"'
const Threshold = new t.Type<number | 'breach', number | 'breach', unknown>(
  THRESHOLD,
  (u): u is number | 'breach' => u === 'breach' || (typeof u === 'number' && u > 0 && u < 1),
  (u, c) => (u === 'breach' || (typeof u === 'number' && u > 0 && u < 1) ? t.success(u) : t.failure(u, c, THRESHOLD)),
  (a) => a
)

const ExternalPartyJson = record(
  'an external party',
  { party: literals(['vendor', 'thirdParty'] as const) },
  { underpinning: t.record(t.string, NonNegativeDuration, 'underpinning targets by priority name') }
)

const EscalationTierJson: t.Type<EscalationTier, EscalationTierWire, unknown> = record(
  'an escalation tier',
  { name: TierName },
  { timebox: NonNegativeDuration, external: ExternalPartyJson }
)

/**
 * io-ts codec of an escalation ladder: a list of tiers, each
 * `{ "name": "L1", "timebox": "PT30M" }` with, for an outside party,
 * `"external": { "party": "vendor", "underpinning": { "P1": "PT4H" } }`. Checks the shape only;
 * `Escalation.decodeTiers` also checks that there is a tier and that names are unique.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * assert.deepStrictEqual(Codec.TiersJson.decode([{ name: 'L1', timebox: 'PT30M' }, { name: 'L2' }]), E.right([{ name: 'L1', timebox: 1_800_000 }, { name: 'L2' }]))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const TiersJson: t.Type<
  ReadonlyArray<EscalationTier>,
  ReadonlyArray<EscalationTierWire>,
  unknown
> = t.readonlyArray(EscalationTierJson, 'a list of escalation tiers')

/**
 * An escalation tier as JSON: `{ "name": "L2", "timebox": "PT2H" }`, with `external` for an
 * outside party (underpinning targets by priority name, ISO-8601). What
 * {@link Escalation.encodeTiers} writes, one per tier.
 *
 * @category codecs
 * @since 0.3.0
 */
export interface EscalationTierWire {
  readonly name: string
  readonly timebox?: string
  readonly external?: {
    readonly party: 'vendor' | 'thirdParty'
    readonly underpinning?: Readonly<Record<string, string>>
  }
}

const NoticeRuleJson: t.Type<NoticeRule, NoticeRule, unknown> = record(
  'a notice rule',
  {
    metric: literals(['response', 'resolution', 'update', 'restore'] as const),
    threshold: Threshold,
    audience: Audience
  },
  {}
)

const PriorityRuleJson: t.Type<PriorityEscalation, PriorityEscalation, unknown> = record(
  'a priority rule',
  {},
  { atLeast: TierName, notify: t.readonlyArray(Audience, 'a list of audiences'), holdUntilOpen: t.boolean }
)

/**
 * io-ts codec of an escalation policy (JSON wire form; durations as ISO-8601). Checks the shape
 * only; `Escalation.decodePolicy` also checks the ladder and the tiers the rules name.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Escalation } from 'itsm-kit'
 * import * as Codec from 'itsm-kit/codec'
 * const json = JSON.parse(JSON.stringify(Codec.EscalationPolicyJson.encode(Escalation.examplePolicy)))
 * assert.deepStrictEqual(Codec.EscalationPolicyJson.decode(json), E.right(Escalation.examplePolicy))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const EscalationPolicyJson: t.Type<
  Omit<EscalationPolicy, 'tiers'> & { readonly tiers: ReadonlyArray<EscalationTier> },
  EscalationPolicyWire,
  unknown
> = record(
  'an escalation policy',
  {
    _tag: tag('EscalationPolicy'),
    name: stringWhere('a name of 1 to 200 characters', (s) => s.length >= 1 && s.length <= 200),
    tiers: TiersJson,
    notices: t.readonlyArray(NoticeRuleJson, 'a list of notice rules'),
    priorities: t.record(t.string, PriorityRuleJson, 'priority rules by priority name'),
    holdUntilOpen: t.boolean
  },
  {}
)

/**
 * An escalation policy as JSON (durations as ISO-8601 text): what {@link Escalation.encodePolicy}
 * writes and {@link Escalation.decodePolicy} reads.
 *
 * @category codecs
 * @since 0.2.0
 */
export interface EscalationPolicyWire {
  readonly _tag: 'EscalationPolicy'
  readonly name: string
  readonly tiers: ReadonlyArray<EscalationTierWire>
  readonly notices: ReadonlyArray<{
    readonly metric: NoticeRule['metric']
    readonly threshold: number | 'breach'
    readonly audience: NoticeRule['audience']
  }>
  readonly priorities: Readonly<Record<string, PriorityEscalation>>
  readonly holdUntilOpen: boolean
}

/** A ladder of the right shape, not checked yet (it may be empty, names may repeat). @internal */
export type TiersShape = ReadonlyArray<EscalationTier>

/** A policy of the right shape whose ladder is not checked yet (it may be empty). @internal */
export type PolicyShape = Omit<EscalationPolicy, 'tiers'> & { readonly tiers: TiersShape }

/** @internal */
export const decodeTiersShape: (u: unknown) => E.Either<DecodeError, TiersShape> = decodeWith(TiersJson)

/** @internal */
export const decodePolicyShape: (u: unknown) => E.Either<DecodeError, PolicyShape> = decodeWith(EscalationPolicyJson)
