/**
 * Reports over ticket histories: the morning status per customer (Good, Need attention,
 * Critical, with reasons) and the periodic service-level report (volume, response and resolution
 * times with exact percentiles, agreement kept, breaches, first-line and first-contact
 * resolution, reopen rate, escalations, workarounds, satisfaction), computed by mergeable
 * accumulators and rendered as JSON, Markdown, CSV, a terminal table or a self-contained HTML page.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Report, Sla, Time } from 'itsm-kit'
 * const agreement = Sla.makeAgreement({ customer: 'Fjord AS', calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy })
 * const at = Time.instant('2025-03-10T08:00:00+01:00')
 * const status = pipe(agreement, E.flatMap((a) => pipe([], Report.dailyStatus({ agreements: [a], at }))))
 * assert.deepStrictEqual(pipe(status, E.map((s) => s.customers)), E.right([{ customer: 'Fjord AS', health: 'Good', reasons: [] }]))
 * ```
 * @module Report
 * @since 0.2.0
 */
export type {
  AttainmentRow,
  Breach,
  Change,
  CombineFn,
  CustomerReport,
  CustomerStatus,
  DailyStatus,
  EscalationRow,
  Headline,
  Health,
  MetricTimes,
  Parameters,
  Period,
  Rejected,
  Resolution,
  Satisfaction,
  SatisfactionScale,
  ServiceLevelReport,
  StatusReason,
  StatusRule,
  StatusRules,
  TimeSummary,
  Volume,
  Workarounds
} from './model.js'
export type { InvalidReportInput, ReportError } from './errors.js'
export {
  dailyStatus,
  statusCombiner,
  type DailyStatusParams,
  type StatusAccumulator,
  type StatusCombiner
} from './daily.js'
export { combiner, serviceLevel, type Accumulator, type Combiner, type ServiceLevelParams } from './accumulate.js'
export {
  decodeAccumulator,
  decodeStatusAccumulator,
  encodeAccumulator,
  encodeStatusAccumulator,
  type EncodedAccumulator,
  type EncodedStatusAccumulator,
  type JsonValue
} from './codec.js'
export { definitions } from './definitions.js'
export { breachExplanationLimit } from './explanation.js'
export { en, fi, nb, pl, sv, type Labels } from './labels.js'
export {
  serviceLevelCsv,
  serviceLevelMarkdown,
  statusMarkdown,
  statusTable,
  toJSON,
  type RenderOptions
} from './render.js'
export { toHtml, type HtmlOptions } from './html.js'
