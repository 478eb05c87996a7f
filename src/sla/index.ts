/**
 * Service-level agreements: targets per metric and priority counted in business time, and the
 * evaluation of a ticket's clocks from its events at an explicit instant — running, paused,
 * at risk, breached, met or met late, with the due instant, the time used and an explanation of
 * every interval that counted.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Sla, Time } from 'itsm-kit'
 * const agreement = Sla.makeAgreement({ calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy })
 * const opened = Time.instant('2025-03-07T15:30:00+01:00')
 * const due = pipe(agreement, E.map((a) => Sla.dueDates(a)({ openedAt: opened, priority: 'P2' }).map((d) => [d.metric, Time.toLocalISO(a.calendar.zone)(d.dueAt)])))
 * assert.deepStrictEqual(pipe(due, E.map((ds) => ds[0])), E.right(['response', '2025-03-10T08:30:00+01:00']))
 * ```
 * @module Sla
 * @since 0.1.0
 */
export type {
  Agreement,
  AgreementSpec,
  ClockState,
  Closed,
  Explanation,
  Metric,
  MetricPolicy,
  MetricResult,
  Pause,
  ReopenPolicy,
  SlaPolicy,
  Target,
  WarningPassed
} from './model.js'
export { metrics } from './model.js'
export type { InvalidWarningThreshold, MissingTarget, ResponseAfterResolution, SlaError } from './errors.js'
export type { AgreementWire, MetricPolicyWire, SlaPolicyWire, TargetWire } from './codec.js'
export {
  compileAgreement as makeAgreement,
  decodeAgreement,
  decodePolicy,
  encodePolicy,
  examplePolicy,
  make,
  targetOption as targetFor,
  type PolicyOptions
} from './policy.js'
export {
  dueDates,
  evaluate,
  evaluateTimeline,
  explanationLimit,
  pausingParties,
  type EvaluateOptions,
  type Evaluation
} from './evaluate.js'
