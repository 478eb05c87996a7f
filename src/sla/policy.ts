import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { TicketKind } from '../kind/index.js'
import type { Matrix } from '../priority/index.js'
import { toISODuration } from '../time/index.js'
import type { Duration } from '../time/index.js'
import { own } from '../internal/primitives.js'
import { decodeError, makeIssue, type Issue } from '../internal/decodeError.js'
import { isRecord, policyIssue } from './guard.js'
import { decodeAgreementShape, decodePolicyShape, SlaPolicyJson, type SlaPolicyWire } from './codec.js'
import { invalidWarningThreshold, missingTarget, responseAfterResolution, type SlaError } from './errors.js'
import {
  metrics,
  type Agreement,
  type AgreementSpec,
  type Metric,
  type MetricPolicy,
  type SlaPolicy,
  type Target
} from './model.js'
import { make as compile } from '../calendar/index.js'
import type { CalendarError } from '../calendar/index.js'

const h = (hours: number) => ({ _tag: 'BusinessTime', duration: (hours * 3_600_000) as Duration }) as const

/**
 * A typical policy over the ITIL priorities P1–P5, to start from or to read as an example:
 * response 15 min / 1 h / 4 h / 8 h / 16 h, resolution 4 h / 8 h / 24 h / 40 h / 80 h of
 * business time, an update every 1 h / 2 h / 8 h (P1–P3), restore 2 h / 6 h (P1–P2); resolution
 * pauses while the customer is awaited; warnings at 50 % and 75 %.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Sla, Time } from 'itsm-kit'
 * const p1 = Sla.examplePolicy.metrics.resolution?.targets['P1']
 * assert.deepStrictEqual(p1 && p1._tag === 'BusinessTime' && Time.toISODuration(p1.duration), 'PT4H')
 * ```
 * @category constants
 * @since 0.1.0
 */
export const examplePolicy: SlaPolicy = {
  _tag: 'SlaPolicy',
  name: 'Standard (ITIL P1–P5)',
  metrics: {
    response: { targets: { P1: h(0.25), P2: h(1), P3: h(4), P4: h(8), P5: h(16) }, reopen: 'firstCloseOnly' },
    // the defaults: awaiting the customer pauses these clocks, and a reopened ticket resumes them
    resolution: { targets: { P1: h(4), P2: h(8), P3: h(24), P4: h(40), P5: h(80) } },
    update: { targets: { P1: h(1), P2: h(2), P3: h(8) } },
    restore: { targets: { P1: h(2), P2: h(6) } }
  },
  warnings: [0.5, 0.75]
}

/**
 * Options of {@link make}: the priority matrix whose every priority must have a target in the
 * response and resolution metrics.
 *
 * @category models
 * @since 0.1.0
 */
export interface PolicyOptions {
  readonly matrix?: Matrix
}

const describeTarget = (t: Target): string =>
  t._tag === 'BusinessTime' ? toISODuration(t.duration) : `${t.days} business day${t.days === 1 ? '' : 's'}`

const check = (policy: SlaPolicy, options: PolicyOptions): SlaError | undefined => {
  let previous: number | undefined
  for (const [i, w] of policy.warnings.entries()) {
    if (!(typeof w === 'number' && w > 0 && w < 1 && (previous === undefined || w > previous)))
      return invalidWarningThreshold(`warnings[${i}]`, w, previous)
    previous = w
  }
  const priorities = options.matrix?.priorities.map((p) => p.name)
  if (priorities !== undefined)
    for (const metric of ['response', 'resolution'] as const) {
      const m = policy.metrics[metric]
      if (m === undefined) continue
      for (const p of priorities)
        if (m.targets[p] === undefined) return missingTarget(`metrics.${metric}.targets`, p, priorities)
    }
  const response = policy.metrics.response
  const resolution = policy.metrics.resolution
  if (response !== undefined && resolution !== undefined)
    for (const [p, r] of Object.entries(response.targets)) {
      const s = resolution.targets[p]
      // targets of different kinds (time vs days) cannot be compared without a calendar
      if (s === undefined || r._tag !== s._tag) continue
      const longer = r._tag === 'BusinessTime' ? r.duration > (s as typeof r).duration : r.days > (s as typeof r).days
      if (longer) return responseAfterResolution(`metrics.response.targets.${p}`, describeTarget(r), describeTarget(s))
    }
  return undefined
}

/**
 * Checks an SLA policy: warning thresholds strictly between 0 and 1 and increasing, a response
 * target no longer than the resolution target of the same priority and, given a matrix, a
 * response and resolution target for every priority of it.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Priority, Sla } from 'itsm-kit'
 * assert.strictEqual(E.isRight(Sla.make(Sla.examplePolicy, { matrix: Priority.itilDefault })), true)
 * const lax = { ...Sla.examplePolicy, warnings: [0.75, 0.5] }
 * assert.deepStrictEqual(pipe(Sla.make(lax), E.mapLeft((e) => e.message)), E.left(
 *   'warnings[1]: expected a fraction strictly between 0 and 1, above the previous threshold 0.75, received 0.5'))
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const make = (policy: SlaPolicy, options: PolicyOptions = {}): E.Either<SlaError, SlaPolicy> => {
  // a JavaScript caller may pass anything: check the shape before encoding it
  const wrong = policyIssue(policy, '', true)
  if (wrong !== undefined) return E.left(decodeError([wrong]))
  const matrix = optionsIssue(options)
  if (matrix !== undefined) return E.left(decodeError([matrix]))
  return pipe(
    decodePolicyShape(SlaPolicyJson.encode(policy)),
    E.flatMap((decoded): E.Either<SlaError, SlaPolicy> => {
      const err = check(decoded, options ?? {})
      return err === undefined ? E.right(decoded) : E.left(err)
    })
  )
}

/** What is wrong with the options a JavaScript caller passed, if anything. */
const optionsIssue = (options: unknown): Issue | undefined => {
  if (options === undefined || options === null) return undefined
  if (!isRecord(options)) return makeIssue('options', 'policy options ({ matrix? })', options)
  const matrix = options['matrix']
  if (
    matrix !== undefined &&
    !(
      isRecord(matrix) &&
      Array.isArray(matrix['priorities']) &&
      matrix['priorities'].every((p) => isRecord(p) && typeof p['name'] === 'string')
    )
  )
    return makeIssue('options.matrix', 'a priority matrix (made by Priority.makeMatrix)', matrix)
  return undefined
}

/**
 * Reads an SLA policy from JSON (durations as ISO-8601) and checks it as {@link make} does.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Sla } from 'itsm-kit'
 * const json = { _tag: 'SlaPolicy', name: 'Gold', warnings: [0.5], metrics: {
 *   resolution: { targets: { P1: { _tag: 'BusinessTime', duration: '4h' } }, pauseWhileAwaiting: ['customer'], reopen: 'resume' } } }
 * assert.deepStrictEqual(pipe(Sla.decodePolicy(json), E.mapLeft((e) => e.message.split(':')[0])), E.left('metrics.resolution.targets.P1.duration'))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodePolicy = (u: unknown, options: PolicyOptions = {}): E.Either<SlaError, SlaPolicy> =>
  pipe(
    decodePolicyShape(u),
    E.flatMap((decoded): E.Either<SlaError, SlaPolicy> => {
      const matrix = optionsIssue(options)
      if (matrix !== undefined) return E.left(decodeError([matrix]))
      const err = check(decoded, options ?? {})
      return err === undefined ? E.right(decoded) : E.left(err)
    })
  )

/**
 * Writes an SLA policy as JSON data; a value that is not an SLA policy (as a JavaScript caller may
 * pass) writes as `null`.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Sla } from 'itsm-kit'
 * const p1 = Sla.encodePolicy(Sla.examplePolicy)?.metrics.response?.targets['P1']
 * assert.deepStrictEqual(p1, { _tag: 'BusinessTime', duration: 'PT15M' })
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const encodePolicy = (policy: SlaPolicy): SlaPolicyWire | null =>
  policyIssue(policy, '', true) === undefined ? SlaPolicyJson.encode(policy) : null

/** The target of a metric, priority and kind, or undefined: the lookup the clocks make. @internal */
export const targetFor =
  (metric: Metric, priority: string, kind?: TicketKind) =>
  (self: SlaPolicy): Target | undefined => {
    try {
      // values a JavaScript caller should not pass have no target
      if (!isRecord(self) || !isRecord(self.metrics) || typeof metric !== 'string' || typeof priority !== 'string')
        return undefined
      const m = own(self.metrics as Readonly<Record<string, MetricPolicy>>, metric)
      if (!isRecord(m)) return undefined
      const byKind =
        typeof kind !== 'string' || !isRecord(m.byKind)
          ? undefined
          : own(m.byKind as Readonly<Record<string, Readonly<Record<string, Target>>>>, kind)
      const table = isRecord(byKind) ? byKind : m.targets
      return isRecord(table) ? own(table, priority) : undefined
    } catch {
      // an object whose reads throw (a Proxy from a JavaScript caller)
      return undefined
    }
  }

/**
 * The target a policy sets for a metric, a priority and (optionally) a ticket kind, or `none`
 * (also for values that are not a policy, a metric or a priority name).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Sla } from 'itsm-kit'
 * assert.deepStrictEqual(pipe(Sla.examplePolicy, Sla.targetFor('restore', 'P4')), O.none)
 * assert.deepStrictEqual(pipe(Sla.examplePolicy, Sla.targetFor('response', 'P1'), O.map((t) => t._tag)), O.some('BusinessTime'))
 * ```
 * @category queries
 * @since 0.1.0 (returned `Target | undefined` until 0.3.0)
 */
export const targetOption =
  (metric: Metric, priority: string, kind?: TicketKind) =>
  (self: SlaPolicy): O.Option<Target> =>
    O.fromNullable(targetFor(metric, priority, kind)(self))

/** @internal */
export const definedMetrics = (policy: SlaPolicy): ReadonlyArray<Metric> =>
  metrics.filter((m) => policy.metrics[m] !== undefined)

/**
 * Checks and compiles an agreement: the calendar (as `Calendar.make` does) and the policy (as
 * {@link make} does, with the matrix when given). Errors name their path inside the agreement.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Priority, Sla } from 'itsm-kit'
 * const spec = { customer: 'Fjord AS', calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy }
 * assert.deepStrictEqual(pipe(Sla.makeAgreement(spec, { matrix: Priority.itilDefault }), E.map((a) => [a.customer, a.calendar.zone])), E.right(['Fjord AS', 'Europe/Oslo']))
 * const broken = { ...spec, calendar: { zone: 'Europe/Oslo', weekly: {} } }
 * assert.deepStrictEqual(pipe(Sla.makeAgreement(broken), E.mapLeft((e) => e.message)), E.left(
 *   'calendar.weekly: expected at least one opening interval in the week or in an exception, received a calendar that is never open'))
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const compileAgreement = (
  spec: AgreementSpec,
  options: PolicyOptions = {}
): E.Either<SlaError | CalendarError, Agreement> => {
  try {
    if (!isRecord(spec))
      return E.left(decodeError([makeIssue('$', 'an agreement ({ calendar, policy, customer?, service? })', spec)]))
    for (const field of ['customer', 'service'] as const)
      if (spec[field] !== undefined && typeof spec[field] !== 'string')
        return E.left(decodeError([makeIssue(field, 'a name', spec[field])]))
    const calendar = compile(spec.calendar)
    if (E.isLeft(calendar)) return E.left(within('calendar', calendar.left))
    const policy = make(spec.policy, options)
    if (E.isLeft(policy)) return E.left(within('policy', policy.left))
    return E.right({
      policy: policy.right,
      calendar: calendar.right,
      ...(spec.customer === undefined ? {} : { customer: spec.customer }),
      ...(spec.service === undefined ? {} : { service: spec.service })
    })
  } catch {
    // an object whose reads throw (a Proxy from a JavaScript caller)
    return E.left(decodeError([makeIssue('$', 'an agreement whose properties can be read', spec)]))
  }
}

/** The same error with its path (and message) inside a field of an agreement. */
const within = <Err extends SlaError | CalendarError>(field: string, e: Err): Err => {
  if (e._tag === 'DecodeError') {
    const issues = e.issues.map((i) =>
      i.path === '$'
        ? { ...i, path: field, message: `${field}${i.message.slice(1)}` }
        : { ...i, path: `${field}.${i.path}`, message: `${field}.${i.message}` }
    )
    return { ...e, issues, message: issues.map((i) => i.message).join('\n') }
  }
  return { ...e, path: `${field}.${e.path}`, message: `${field}.${e.message}` }
}

/**
 * Reads an agreement from JSON (`{ customer?, service?, calendar, policy }`), reporting every
 * malformed field with its path, then checks and compiles it as {@link makeAgreement} does.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Sla } from 'itsm-kit'
 * const json = JSON.parse(JSON.stringify({ customer: 'Fjord AS', calendar: Calendar.alwaysOpen, policy: Sla.encodePolicy(Sla.examplePolicy) }))
 * assert.deepStrictEqual(pipe(Sla.decodeAgreement(json), E.map((a) => a.customer)), E.right('Fjord AS'))
 * ```
 * @category codecs
 * @since 0.1.0
 */
export const decodeAgreement = (
  u: unknown,
  options: PolicyOptions = {}
): E.Either<SlaError | CalendarError, Agreement> =>
  pipe(
    decodeAgreementShape(u),
    E.flatMap((spec): E.Either<SlaError | CalendarError, Agreement> => compileAgreement(spec, options))
  )
