import type { AwaitingParty } from '../ticket/index.js'
import type { TicketKind } from '../kind/index.js'
import type { BusinessCalendar, CalendarSpec, OpenInterval } from '../calendar/index.js'
import type { Duration, Instant } from '../time/index.js'

/**
 * What an SLA measures on a ticket: the first public reply (`response`), the resolution
 * (`resolution`), a public update at least every so often while open (`update`), and service
 * restored by a fix or a workaround (`restore`).
 *
 * @category models
 * @since 0.1.0
 */
export type Metric = 'response' | 'resolution' | 'update' | 'restore'

/**
 * The metrics in the order reports list them.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Sla } from 'itsm-kit'
 * assert.deepStrictEqual(Sla.metrics, ['response', 'resolution', 'update', 'restore'])
 * ```
 * @category constants
 * @since 0.1.0
 */
export const metrics: ReadonlyArray<Metric> = ['response', 'resolution', 'update', 'restore']

/**
 * A target: an amount of business time on the agreement's calendar, or the end of the n-th
 * business day after the clock starts (0 = the end of the business day it starts on, 1 = "the
 * end of the next business day").
 *
 * @category models
 * @since 0.1.0
 */
export type Target =
  | { readonly _tag: 'BusinessTime'; readonly duration: Duration }
  | { readonly _tag: 'BusinessDays'; readonly days: number }

/**
 * What happens to a metric when a resolved ticket reopens: `resume` keeps counting from where it
 * stopped (total resolution time, the default), `restart` starts a fresh clock at the reopening,
 * `firstCloseOnly` ends the metric at the first resolution.
 *
 * @category models
 * @since 0.1.0
 */
export type ReopenPolicy = 'resume' | 'restart' | 'firstCloseOnly'

/**
 * The rules of one metric: a target per priority name (optionally per ticket kind), the waiting
 * states that pause it, and the reopen policy (both with defaults: awaiting the customer pauses
 * every metric but `response`, and a reopened ticket resumes its clocks).
 *
 * @category models
 * @since 0.1.0
 */
export interface MetricPolicy {
  readonly targets: Readonly<Record<string, Target>>
  /** Targets for a kind of ticket, replacing `targets` for that kind. */
  readonly byKind?: Readonly<Partial<Record<TicketKind, Readonly<Record<string, Target>>>>>
  /**
   * While the ticket awaits one of these parties, the clock pauses. Default: nobody for
   * `response`, the customer for the other metrics.
   */
  readonly pauseWhileAwaiting?: ReadonlyArray<AwaitingParty>
  /** Default: `resume`. */
  readonly reopen?: ReopenPolicy
}

/**
 * A service-level policy: targets per metric and priority, warning thresholds (fractions of the
 * target, such as 0.5 and 0.75) and, optionally, targets per tier for the time a ticket spends
 * in it (operational-level targets, such as the first line's 30 minutes).
 *
 * @category models
 * @since 0.1.0
 */
export interface SlaPolicy {
  readonly _tag: 'SlaPolicy'
  readonly name: string
  readonly metrics: Readonly<Partial<Record<Metric, MetricPolicy>>>
  readonly warnings: ReadonlyArray<number>
  readonly tiers?: Readonly<Record<string, Target>>
}

/**
 * What an evaluation needs: a policy and the calendar of the customer it is evaluated for (the
 * same policy can be evaluated on any customer's calendar), and optionally whom it covers.
 *
 * @category models
 * @since 0.1.0
 */
export interface Agreement {
  readonly policy: SlaPolicy
  readonly calendar: BusinessCalendar
  /** The customer (organisation) the agreement covers. */
  readonly customer?: string
  /** The service it covers, when the agreement is per service. */
  readonly service?: string
}

/**
 * An agreement as JSON-serialisable data: the customer (or service), its calendar spec and its
 * SLA policy. {@link makeAgreement} checks and compiles it.
 *
 * @category models
 * @since 0.1.0
 */
export interface AgreementSpec {
  readonly customer?: string
  readonly service?: string
  readonly calendar: CalendarSpec
  readonly policy: SlaPolicy
}

/**
 * Where a metric's clock stands at the evaluation instant.
 *
 * - `Running` / `Paused`: counting, or paused while awaiting; `AtRisk`: running or paused past a
 *   warning threshold; `Breached`: past the target and not met;
 * - `Met` / `MetLate`: stopped before or after the target;
 * - `NotApplicable`: the ticket's kind or state gives the metric no target (the reason says why).
 *
 * @category models
 * @since 0.1.0
 */
export type ClockState = 'Running' | 'Paused' | 'AtRisk' | 'Breached' | 'Met' | 'MetLate' | 'NotApplicable'

/**
 * A pause of a clock while the desk awaited someone.
 *
 * @category models
 * @since 0.1.0
 */
export interface Pause {
  readonly from: Instant
  /** Absent while the pause lasts at the evaluation instant (also when it started at that instant). */
  readonly to?: Instant
  readonly party: AwaitingParty
}

/**
 * A stretch the clock did not count although it was running: the desk was closed, on a holiday
 * or not.
 *
 * @category models
 * @since 0.1.0
 */
export interface Closed {
  readonly from: Instant
  readonly to: Instant
  /** Holiday names on the local dates the stretch covers, if any. */
  readonly holidays: ReadonlyArray<string>
}

/**
 * Why a metric stands where it stands: the open intervals that counted, the closed stretches
 * skipped (with holidays named) and the pauses, enough to draw a timeline.
 *
 * @category models
 * @since 0.1.0
 */
export interface Explanation {
  readonly counted: ReadonlyArray<OpenInterval>
  readonly closed: ReadonlyArray<Closed>
  readonly pauses: ReadonlyArray<Pause>
  /**
   * How many entries of each list were left out past the evaluation's `explainLimit` (the
   * first ones are kept); absent when none was. @since 0.3.0
   */
  readonly omitted?: { readonly counted: number; readonly closed: number; readonly pauses: number }
}

/**
 * A share of a clock's target that its counted time has reached, and the instant it did (the
 * earliest instant at which the elapsed business time was at least that share of the target).
 *
 * @category models
 * @since 0.2.0
 */
export interface WarningPassed {
  readonly threshold: number
  readonly passedAt: Instant
}

/**
 * One metric of one ticket at the evaluation instant: plain JSON-serialisable data.
 *
 * @category models
 * @since 0.1.0
 */
export interface MetricResult {
  readonly metric: Metric | `tier:${string}`
  readonly state: ClockState
  /** Why the metric does not apply, when `state` is `NotApplicable`. */
  readonly reason?: string
  readonly priority?: string
  readonly target?: Target
  /** The target as business time from the start (a business-days target converted). */
  readonly targetTime?: Duration
  readonly startedAt?: Instant
  /**
   * When the target runs out: the instant the counted time reached it (breached, met late); for a
   * met clock, the due it had when it stopped; for a running clock, counting on from the
   * evaluation instant. Absent while paused (the due depends on when the wait ends). For
   * `update`, the due of the current stretch (the next update), even after an earlier stretch
   * went too long.
   */
  readonly dueAt?: Instant
  readonly elapsed: Duration
  /** Negative once breached. */
  readonly remaining?: Duration
  /** Elapsed as a share of the target time (1 = 100 %); absent when the target time is zero. */
  readonly used?: number
  readonly paused: Duration
  readonly breachedAt?: Instant
  readonly metAt?: Instant
  /** The warning thresholds the clock has passed. */
  readonly warningsPassed: ReadonlyArray<number>
  /**
   * When each passed threshold was passed: the policy's warnings and the evaluation's extra
   * `thresholds`, in increasing order. @since 0.2.0
   */
  readonly warnings: ReadonlyArray<WarningPassed>
  /** Present when the evaluation was asked to explain (`{ explain: true }`). */
  readonly explanation?: Explanation
}
