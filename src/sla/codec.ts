import type * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { decodeWith, type DecodeError } from '../internal/decodeError.js'
import { intBetween, literals, record, refine, stringWhere, tag, taggedUnion } from '../internal/primitives.js'
import { awaitingParties } from '../ticket/index.js'
import { DurationJson } from '../time/codec.js'
import type { AgreementSpec, Metric, MetricPolicy, ReopenPolicy, SlaPolicy, Target } from './model.js'
import type { CalendarSpec } from '../calendar/index.js'
import type { TicketKind } from '../kind/index.js'
import type { AwaitingParty } from '../ticket/index.js'
import { CalendarSpecJson } from '../calendar/codec.js'

const NonNegativeDuration = refine(DurationJson, 'a non-negative ISO-8601 duration such as "PT4H"', (d) => d >= 0)
const Party = literals(awaitingParties)

/**
 * A target as JSON: `{ "_tag": "BusinessTime", "duration": "PT4H" }` or
 * `{ "_tag": "BusinessDays", "days": 1 }`.
 *
 * @category codecs
 * @since 0.3.0
 */
export type TargetWire =
  | { readonly _tag: 'BusinessTime'; readonly duration: string }
  | { readonly _tag: 'BusinessDays'; readonly days: number }

/**
 * A metric's policy as JSON (targets as {@link TargetWire}).
 *
 * @category codecs
 * @since 0.3.0
 */
export interface MetricPolicyWire {
  readonly targets: Readonly<Record<string, TargetWire>>
  readonly byKind?: Readonly<Partial<Record<TicketKind, Readonly<Record<string, TargetWire>>>>>
  readonly pauseWhileAwaiting?: ReadonlyArray<AwaitingParty>
  readonly reopen?: ReopenPolicy
}

/**
 * An SLA policy as JSON: what `Sla.encodePolicy` writes and `Sla.decodePolicy` reads.
 *
 * @category codecs
 * @since 0.3.0
 */
export interface SlaPolicyWire {
  readonly _tag: 'SlaPolicy'
  readonly name: string
  readonly metrics: Readonly<Partial<Record<Metric, MetricPolicyWire>>>
  readonly warnings: ReadonlyArray<number>
  readonly tiers?: Readonly<Record<string, TargetWire>>
}

/**
 * An agreement as JSON: the calendar's spec and the policy, with the customer and service it
 * names.
 *
 * @category codecs
 * @since 0.3.0
 */
export interface AgreementWire {
  readonly calendar: CalendarSpec
  readonly policy: SlaPolicyWire
  readonly customer?: string
  readonly service?: string
}

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
export const TargetJson: t.Type<Target, TargetWire, unknown> = taggedUnion({
  BusinessTime: record('a business-time target', { _tag: tag('BusinessTime'), duration: NonNegativeDuration }, {}),
  BusinessDays: record(
    'a business-days target',
    { _tag: tag('BusinessDays'), days: intBetween(0, 365, 'a whole number of business days from 0 to 365') },
    {}
  )
})

const Targets = t.record(t.string, TargetJson, 'targets by priority name')

const MetricPolicyJson: t.Type<MetricPolicy, MetricPolicyWire, unknown> = record(
  'a metric policy',
  { targets: Targets },
  {
    byKind: record(
      'targets by kind',
      {},
      { incident: Targets, serviceRequest: Targets, question: Targets, problem: Targets, feedback: Targets }
    ),
    pauseWhileAwaiting: t.readonlyArray(Party, 'a list of awaited parties'),
    reopen: literals(['resume', 'restart', 'firstCloseOnly'] as const)
  }
)

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
export const SlaPolicyJson: t.Type<SlaPolicy, SlaPolicyWire, unknown> = record(
  'an SLA policy',
  {
    _tag: tag('SlaPolicy'),
    name: stringWhere('a name of 1 to 200 characters', (s) => s.length >= 1 && s.length <= 200),
    metrics: record(
      'metric policies',
      {},
      { response: MetricPolicyJson, resolution: MetricPolicyJson, update: MetricPolicyJson, restore: MetricPolicyJson }
    ),
    warnings: t.readonlyArray(t.number, 'a list of fractions')
  },
  { tiers: Targets }
)

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
export const AgreementJson: t.Type<AgreementSpec, AgreementWire, unknown> = record(
  'an agreement',
  { calendar: CalendarSpecJson, policy: SlaPolicyJson },
  {
    customer: stringWhere('a customer id of 1 to 200 characters', (s) => s.length >= 1 && s.length <= 200),
    service: stringWhere('a service id of 1 to 200 characters', (s) => s.length >= 1 && s.length <= 200)
  }
)

/** @internal */
export const decodeAgreementShape: (u: unknown) => E.Either<DecodeError, AgreementSpec> = decodeWith(AgreementJson)
