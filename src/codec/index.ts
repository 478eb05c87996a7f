/**
 * The JSON wire form of itsm-kit's data: io-ts codecs for everything that crosses a boundary,
 * and the {@link DecodeError} every `decode…` function returns. Import it as `itsm-kit/codec`
 * when you compose your own io-ts codecs; everyday decoding goes through `Calendar.decodeCalendarSpec`
 * and friends.
 *
 * The raw codecs report problems as io-ts does: the `Errors` of their `decode` carry the input
 * values themselves, free text included. The `decode…` functions of each module turn them into
 * a {@link DecodeError} whose messages never quote free text (a title, a note, a reason: only its
 * length), and quote other strings and property names escaped (control and bidi characters as
 * `\uXXXX`) and cut at 60 characters: read untrusted data with those. The guards (`is`) never
 * throw, and the encoders write `null` for a value that is not valid (never `NaN` text).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as Codec from 'itsm-kit/codec'
 * const decoded = Codec.CalendarSpecJson.decode({ zone: 'UTC', weekly: {} })
 * assert.strictEqual(E.isRight(decoded), true)
 * ```
 * @module Codec
 * @since 0.1.0
 */
export type { DecodeError, Issue } from '../internal/decodeError.js'
export { formatDecodeError } from '../internal/decodeError.js'
export { DurationJson, InstantJson, LocalDateJson } from '../time/codec.js'
export { CalendarSpecJson, DateRuleJson, DayExceptionJson, OpeningHoursJson } from '../calendar/codec.js'
export { MatrixSpecJson, PriorityJson, PriorityLevelJson } from '../priority/codec.js'
export { TicketCommandJson, TicketEventJson, TicketJson } from '../ticket/codec.js'
export { ChannelJson, KindRuleJson, KindRulesJson, TicketKindJson } from '../kind/codec.js'
export {
  CategoryNodeJson,
  CategoryTreeJson,
  ClassifierJson,
  ConditionJson,
  FieldsJson,
  RuleJson
} from '../classification/codec.js'
export { AgreementJson, SlaPolicyJson, TargetJson } from '../sla/codec.js'
export { EscalationPolicyJson, TiersJson } from '../escalation/codec.js'
