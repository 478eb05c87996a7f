import type * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { decodeWith, type DecodeError } from '../internal/decodeError.js'
import { intBetween, literals, record, refine, stringWhere, tag, taggedUnion } from '../internal/primitives.js'
import { awaitingParties } from '../ticket/index.js'
import { DurationJson } from '../time/codec.js'
import type { AgreementSpec, MetricPolicy, SlaPolicy, Target } from './model.js'
import { CalendarSpecJson } from '../calendar/codec.js'

const NonNegativeDuration = refine(DurationJson, 'a non-negative ISO-8601 duration such as "PT4H"', (d) => d >= 0)
const Party = literals(awaitingParties)

/**
 * io-ts codec of a target: `{ "_tag": "BusinessTime", "duration": "PT4H" }` or
 * `{ "_tag": "BusinessDays", "days": 1 }`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * assert.deepStrictEqual(Codec.TargetJson.decode({ _tag: 'BusinessTime', duration: 'PT4H' }), E.right({ _tag: 'BusinessTime', duration: 14_400_000 }))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const TargetJson: t.Type<Target, unknown, unknown> = taggedUnion({
  BusinessTime: record('a business-time target', { _tag: tag('BusinessTime'), duration: NonNegativeDuration }, {}),
  BusinessDays: record('a business-days target', { _tag: tag('BusinessDays'), days: intBetween(0, 365, 'a whole number of business days from 0 to 365') }, {})
} as unknown as Record<string, t.Type<Target, unknown, unknown>>)

const Targets = t.record(t.string, TargetJson, 'targets by priority name')

const MetricPolicyJson: t.Type<MetricPolicy, unknown, unknown> = record(
  'a metric policy',
  { targets: Targets },
  {
    byKind: record('targets by kind', {}, { incident: Targets, serviceRequest: Targets, question: Targets, problem: Targets, feedback: Targets }),
    pauseWhileAwaiting: t.readonlyArray(Party, 'a list of awaited parties'),
    reopen: literals(['resume', 'restart', 'firstCloseOnly'] as const)
  }
) as unknown as t.Type<MetricPolicy, unknown, unknown>

/**
 * io-ts codec of an SLA policy (JSON wire form; durations as ISO-8601).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Sla } from 'itsm-kit'
 * import * as Codec from 'itsm-kit/codec'
 * const json = Codec.SlaPolicyJson.encode(Sla.examplePolicy)
 * assert.deepStrictEqual(Codec.SlaPolicyJson.decode(JSON.parse(JSON.stringify(json))), E.right(Sla.examplePolicy))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const SlaPolicyJson: t.Type<SlaPolicy, unknown, unknown> = record(
  'an SLA policy',
  {
    _tag: tag('SlaPolicy'),
    name: stringWhere('a name of 1 to 200 characters', (s) => s.length >= 1 && s.length <= 200),
    metrics: record('metric policies', {}, { response: MetricPolicyJson, resolution: MetricPolicyJson, update: MetricPolicyJson, restore: MetricPolicyJson }),
    warnings: t.readonlyArray(t.number, 'a list of fractions')
  },
  { tiers: Targets }
) as unknown as t.Type<SlaPolicy, unknown, unknown>

/** @internal */
export const decodePolicyShape: (u: unknown) => E.Either<DecodeError, SlaPolicy> = decodeWith(SlaPolicyJson)

/**
 * io-ts codec of an agreement: `{ customer?, service?, calendar, policy }`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { Calendar, Sla } from 'itsm-kit'
 * import * as Codec from 'itsm-kit/codec'
 * const spec = { customer: 'Fjord AS', calendar: Calendar.alwaysOpen, policy: Sla.examplePolicy }
 * assert.deepStrictEqual(Codec.AgreementJson.decode(JSON.parse(JSON.stringify(Codec.AgreementJson.encode(spec)))), E.right(spec))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const AgreementJson: t.Type<AgreementSpec, unknown, unknown> = record(
  'an agreement',
  { calendar: CalendarSpecJson, policy: SlaPolicyJson },
  { customer: stringWhere('a customer id of 1 to 200 characters', (s) => s.length >= 1 && s.length <= 200), service: stringWhere('a service id of 1 to 200 characters', (s) => s.length >= 1 && s.length <= 200) }
) as unknown as t.Type<AgreementSpec, unknown, unknown>

/** @internal */
export const decodeAgreementShape: (u: unknown) => E.Either<DecodeError, AgreementSpec> = decodeWith(AgreementJson)
