import type { Duration, Instant, LocalDate } from '../time/index.js'
import type { Explanation, Metric } from '../sla/index.js'
import type { TicketEvent } from '../ticket/index.js'
import type { KindRulesSpec } from '../kind/index.js'

/**
 * A customer's morning status: `Good` (no new open cases), `NeedAttention` (lesser cases
 * created or reopened, clocks at risk) or `Critical` (must be looked at now).
 *
 * @category models
 * @since 0.2.0
 */
export type Health = 'Critical' | 'NeedAttention' | 'Good'

/**
 * The rule behind a reason of the daily status.
 *
 * - `criticalPriority`, `criticalCategory`, `breached`: Critical;
 * - `newOrReopened`, `atRisk`, `workaroundTooLong`: NeedAttention.
 *
 * @category models
 * @since 0.2.0
 */
export type StatusRule =
  'criticalPriority' | 'criticalCategory' | 'breached' | 'newOrReopened' | 'atRisk' | 'workaroundTooLong'

/**
 * Why a customer has its status: the ticket, the rule that fired and the fact behind it.
 *
 * @category models
 * @since 0.2.0
 */
export interface StatusReason {
  readonly ticketId: string
  readonly rule: StatusRule
  readonly health: Exclude<Health, 'Good'>
  readonly priority?: string
  readonly category?: string
  /** The clock that breached or is at risk. */
  readonly metric?: Metric | `tier:${string}`
  /** When the clock breached. */
  readonly breachedAt?: Instant
  /** When the clock runs out (at risk, not paused). */
  readonly dueAt?: Instant
  /** The warning thresholds the clock has passed (at risk). */
  readonly warningsPassed?: ReadonlyArray<number>
  /** When the ticket was opened (`newOrReopened`: opened in the look-back window). */
  readonly openedAt?: Instant
  /** When the ticket was reopened (`newOrReopened`: reopened in the look-back window). */
  readonly reopenedAt?: Instant
  /** When the workaround was applied, and its age in business time (`workaroundTooLong`). */
  readonly workaroundSince?: Instant
  readonly workaroundAge?: Duration
}

/**
 * The status of one customer at an instant, with every reason.
 *
 * @category models
 * @since 0.2.0
 */
export interface CustomerStatus {
  readonly customer: string
  readonly health: Health
  readonly reasons: ReadonlyArray<StatusReason>
}

/**
 * The rules of the daily status, as data. Absent fields take the defaults of {@link dailyStatus}.
 *
 * @category models
 * @since 0.2.0
 */
export interface StatusRules {
  /** Priorities that make an open ticket critical. Default: the two most urgent of the ITIL matrix, `P1` and `P2`. */
  readonly criticalPriorities?: ReadonlyArray<string>
  /** Categories that make an open ticket critical (backup, device down). Default: none. */
  readonly criticalCategories?: ReadonlyArray<string>
  /** How far back a new or reopened open ticket needs attention, in real (not business) time. Default: 24 hours. */
  readonly lookBack?: Duration
  /** A ticket running on a workaround longer than this business time needs attention. Default: off. */
  readonly workaroundLimit?: Duration
}

/**
 * A history a report could not use, with the reason (never the ticket's free text).
 *
 * @category models
 * @since 0.2.0
 */
export interface Rejected {
  readonly ticketId: string
  readonly message: string
}

/**
 * The daily status of every customer at `at`, Critical first, with the rules it used.
 *
 * @category models
 * @since 0.2.0
 */
export interface DailyStatus {
  readonly _tag: 'DailyStatus'
  readonly at: Instant
  readonly rules: Required<Omit<StatusRules, 'workaroundLimit'>> & { readonly workaroundLimit?: Duration }
  readonly customers: ReadonlyArray<CustomerStatus>
  readonly rejected: ReadonlyArray<Rejected>
}

/**
 * A report period in the customer's zone: a local day, an ISO week, a month, a quarter, or an
 * explicit half-open range `[from, to)` of instants.
 *
 * @category models
 * @since 0.2.0
 */
export type Period =
  | { readonly _tag: 'Day'; readonly date: string }
  | { readonly _tag: 'Week'; readonly year: number; readonly week: number }
  | { readonly _tag: 'Month'; readonly year: number; readonly month: number }
  | { readonly _tag: 'Quarter'; readonly year: number; readonly quarter: number }
  | { readonly _tag: 'Range'; readonly from: Instant; readonly to: Instant }

/**
 * How ratings are split: scores `≥ positiveFrom` are positive, `≤ negativeTo` negative, the
 * rest neutral. Default (1–5 scale): positive 4–5, neutral 3, negative 1–2.
 *
 * @category models
 * @since 0.2.0
 */
export interface SatisfactionScale {
  readonly positiveFrom: number
  readonly negativeTo: number
}

/**
 * Exact summary of a set of durations (business milliseconds): count, mean, median (an even
 * count's median is the mean of the two middle values), 90th percentile by nearest rank (the
 * value at rank ⌈0.9·n⌉) and maximum. Absent figures when the count is zero.
 *
 * @category models
 * @since 0.2.0
 */
export interface TimeSummary {
  readonly count: number
  readonly mean?: number
  readonly median?: number
  readonly p90?: number
  readonly max?: number
}

/**
 * Response or resolution times of the clocks that stopped in the period, overall and per priority.
 *
 * @category models
 * @since 0.2.0
 */
export interface MetricTimes {
  readonly overall: TimeSummary
  readonly byPriority: Readonly<Record<string, TimeSummary>>
  /** How many times fall in each band: up to 15 min, 1 h, 4 h, 8 h, 24 h, 40 h (inclusive), and over (no `upTo`). */
  readonly distribution: ReadonlyArray<{ readonly upTo?: number; readonly count: number }>
}

/**
 * Tickets in and out of the period.
 *
 * @category models
 * @since 0.2.0
 */
export interface Volume {
  /** Tickets opened in the period. */
  readonly opened: number
  readonly byKind: Readonly<Record<string, number>>
  readonly byPriority: Readonly<Record<string, number>>
  readonly byCategory: Readonly<Record<string, number>>
  readonly byChannel: Readonly<Record<string, number>>
  /** Tickets whose last resolution (as of `asOf`) lies in the period. */
  readonly resolved: number
  /** Open tickets at `from` and at `asOf`. */
  readonly backlogAtFrom: number
  readonly backlogAtAsOf: number
  /** Opened and resolved per local day of the period. */
  readonly days: ReadonlyArray<{ readonly date: LocalDate; readonly opened: number; readonly resolved: number }>
}

/**
 * Whether the agreement was kept for one metric (or tier) and priority (`*` = all priorities).
 *
 * @category models
 * @since 0.2.0
 */
export interface AttainmentRow {
  readonly metric: Metric | `tier:${string}`
  readonly priority: string
  /** Clocks stopped in the period within target. */
  readonly met: number
  /** Clocks whose target ran out in the period (stopped later or still running at `asOf`). */
  readonly breached: number
  /** Clocks stopped in the period after their target ran out (in this period or earlier). */
  readonly stoppedLate: number
  /** met ÷ (met + breached); absent when both are zero. */
  readonly attainment?: number
}

/**
 * One breached clock: whose, which metric, when its target ran out, when it stopped, by how much
 * (business time) and why (counted and paused intervals, holidays named). The explanation keeps
 * at most {@link breachExplanationLimit} entries of each list, and `omitted` counts the rest.
 *
 * @category models
 * @since 0.2.0
 */
export interface Breach {
  readonly ticketId: string
  readonly metric: Metric | `tier:${string}`
  readonly priority?: string
  readonly dueAt: Instant
  /** When the clock stopped; absent while it runs at `asOf`. */
  readonly stoppedAt?: Instant
  readonly overrun: Duration
  /**
   * For a clock under the reopen rule `restart` that has run more than one cycle: the cycle its
   * target ran out in (1 = until the first resolution; for `restore`, until service was first
   * restored) and how many cycles it has run by `asOf`. A breach in an earlier cycle than the
   * last makes the clock "ever breached". `stoppedAt`, `overrun` and `explanation` are that
   * cycle's.
   */
  readonly cycle?: number
  readonly cycles?: number
  /**
   * Why the clock stands where it stands: of each list (`counted`, `closed`, `pauses`), the first
   * {@link breachExplanationLimit} entries in time order, as `Sla.evaluate` with
   * `{ explain: true }` lists them.
   */
  readonly explanation?: Explanation
  /**
   * How many entries of each list of the explanation were left out (those after the first
   * {@link breachExplanationLimit}); present only when at least one was. A clock that runs for
   * weeks on a calendar open many times a day has thousands of entries, and a report keeps every
   * breach: the limit keeps the report's memory in proportion to its breaches.
   *
   * @since 0.3.0
   */
  readonly omitted?: { readonly counted: number; readonly closed: number; readonly pauses: number }
}

/**
 * Resolution quality over the tickets resolved in the period; rates absent when none was resolved.
 *
 * @category models
 * @since 0.2.0
 */
export interface Resolution {
  readonly resolved: number
  readonly firstLine: number
  readonly firstContact: number
  readonly reopened: number
  readonly firstLineRate?: number
  readonly firstContactRate?: number
  readonly reopenRate?: number
}

/**
 * Tickets that reached a tier, and the time they spent in it against the tier's own target.
 *
 * @category models
 * @since 0.2.0
 */
export interface EscalationRow {
  readonly tier: string
  /** Tickets escalated into the tier in the period. */
  readonly escalated: number
  /** Time in the tier of the tier clocks that stopped in the period. */
  readonly time: TimeSummary
  readonly met: number
  readonly breached: number
}

/**
 * Workarounds: tickets restored by one in the period, tickets still running on one at `asOf`
 * (oldest first, age in business time) and known errors without a permanent fix.
 *
 * @category models
 * @since 0.2.0
 */
export interface Workarounds {
  readonly restored: number
  readonly running: ReadonlyArray<{ readonly ticketId: string; readonly since: Instant; readonly age: Duration }>
  readonly knownErrors: ReadonlyArray<string>
}

/**
 * Ratings given in the period. CSAT % = 100 · positive ÷ rated; Net CSAT = 100 · (positive −
 * negative) ÷ rated; response rate = ratings ÷ tickets resolved in the period. `fewRatings` when
 * below 30 ratings.
 *
 * @category models
 * @since 0.2.0
 */
export interface Satisfaction {
  readonly ratings: number
  readonly positive: number
  readonly neutral: number
  readonly negative: number
  readonly byScore: Readonly<Record<string, number>>
  readonly csat?: number
  readonly netCsat?: number
  readonly mean?: number
  readonly responseRate?: number
  readonly fewRatings: boolean
}

/**
 * A headline figure now and in the previous period of the same kind, and the change.
 *
 * @category models
 * @since 0.2.0
 */
export interface Change {
  readonly figure: Headline
  readonly current?: number
  readonly previous?: number
  readonly change?: number
}

/**
 * The headline figures compared with the previous period.
 *
 * @category models
 * @since 0.2.0
 */
export type Headline =
  | 'opened'
  | 'resolved'
  | 'backlogAtAsOf'
  | 'responseMedian'
  | 'resolutionMedian'
  | 'responseAttainment'
  | 'resolutionAttainment'
  | 'firstLineRate'
  | 'reopenRate'
  | 'csat'
  | 'netCsat'

/**
 * A customer's service-level report for one period, as of an instant.
 *
 * @category models
 * @since 0.2.0
 */
export interface CustomerReport {
  readonly customer: string
  readonly zone: string
  readonly policy: string
  /** The instant the figures are evaluated at: the parameter, or the period's end. */
  readonly asOf: Instant
  readonly period: { readonly label: string; readonly from: Instant; readonly to: Instant }
  readonly previous: { readonly label: string; readonly from: Instant; readonly to: Instant }
  readonly volume: Volume
  readonly times: { readonly response: MetricTimes; readonly resolution: MetricTimes }
  readonly attainment: ReadonlyArray<AttainmentRow>
  readonly breaches: ReadonlyArray<Breach>
  readonly resolution: Resolution
  readonly escalations: ReadonlyArray<EscalationRow>
  readonly workarounds: Workarounds
  readonly satisfaction: Satisfaction
  readonly comparison: ReadonlyArray<Change>
}

/**
 * The parameters a report used, recorded with it so that two reports can be compared honestly.
 *
 * @category models
 * @since 0.2.0
 */
export interface Parameters {
  readonly period: Period
  readonly asOf?: Instant
  readonly satisfaction: SatisfactionScale
  /** The kind rules, when other than the defaults were given. @since 0.2.0 */
  readonly kinds?: KindRulesSpec
  readonly definitions: string
}

/**
 * Service-level reports of every customer named in the agreements, in customer order.
 *
 * @category models
 * @since 0.2.0
 */
export interface ServiceLevelReport {
  readonly _tag: 'ServiceLevelReport'
  readonly parameters: Parameters
  readonly customers: ReadonlyArray<CustomerReport>
  readonly rejected: ReadonlyArray<Rejected>
}

/**
 * A combine function over ticket histories, in the shape of Apache Beam's `CombineFn`: `empty`,
 * `add`, `merge` and `result` form a commutative monoid, so shards of histories reduce separately
 * and merge to exactly the result of the whole. Every operation returns a new accumulator and
 * leaves its arguments as they were.
 *
 * @category models
 * @since 0.2.0
 */
export interface CombineFn<A, R> {
  /** The accumulator of no histories: the identity of `merge`. */
  readonly empty: A
  /** Adds one ticket history (copies the accumulator: for batches use `addAll`). */
  readonly add: (history: ReadonlyArray<TicketEvent>) => (self: A) => A
  /**
   * Adds a batch of ticket histories at the cost of one copy: an array, or any iterable, read
   * once and in order. A generator that decodes each history as it is asked for keeps one
   * history in memory at a time, not the batch. An iterable that throws part of the way counts
   * the histories before it and lists the failure in `rejected`, as it lists a value that is not
   * iterable.
   */
  readonly addAll: (histories: Iterable<ReadonlyArray<TicketEvent>>) => (self: A) => A
  /** Merges two accumulators; commutative and associative. */
  readonly merge: (that: A) => (self: A) => A
  /** The result of everything added; equal inputs give equal results. */
  readonly result: (self: A) => R
}
