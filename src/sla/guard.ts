import { makeIssue, type Issue } from '../internal/decodeError.js'
import { maxDuration, maxInstant, minInstant, type Instant } from '../time/index.js'
import { metrics } from './model.js'

// Checks of values a JavaScript caller passes where the types say an SLA policy, an agreement or
// an instant: the library's own values always pass them.

/** @internal */
export const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/** @internal */
export const isInstant = (u: unknown): u is Instant =>
  typeof u === 'number' && Number.isFinite(u) && u >= minInstant && u <= maxInstant

/** @internal */
export const isShare = (u: unknown): u is number => typeof u === 'number' && u > 0 && u < 1

const REOPEN: ReadonlyArray<unknown> = ['resume', 'restart', 'firstCloseOnly']
const PARTIES: ReadonlyArray<unknown> = ['customer', 'thirdParty', 'vendor']
const KINDS: ReadonlyArray<unknown> = ['incident', 'serviceRequest', 'question', 'problem', 'feedback']

/** What is wrong with a target a JavaScript caller built by hand, if anything. @internal */
export const targetIssue = (path: string, u: unknown): Issue | undefined => {
  if (!isRecord(u))
    return makeIssue(path, 'a target ({ _tag: "BusinessTime", duration } or { _tag: "BusinessDays", days })', u)
  if (u['_tag'] === 'BusinessTime') {
    const d = u['duration']
    return typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= maxDuration
      ? undefined
      : makeIssue(`${path}.duration`, 'a business duration in milliseconds, 0 or more', d)
  }
  if (u['_tag'] === 'BusinessDays') {
    const d = u['days']
    return typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 365
      ? undefined
      : makeIssue(`${path}.days`, 'a whole number of business days from 0 to 365', d)
  }
  return makeIssue(`${path}._tag`, 'one of "BusinessTime" | "BusinessDays"', u['_tag'])
}

/** Whether a target is well formed (checked without writing a path). @internal */
export const isTarget = (u: unknown): boolean => targetIssue('', u) === undefined

const targetsIssue = (path: string, u: unknown): Issue | undefined => {
  if (!isRecord(u)) return makeIssue(path, 'targets per priority (an object)', u)
  for (const [p, t] of Object.entries(u)) {
    const bad = targetIssue(`${path}.${p}`, t)
    if (bad !== undefined) return bad
  }
  return undefined
}

const join = (prefix: string, key: string): string => (prefix === '' ? key : `${prefix}.${key}`)

const metricPath = (prefix: string, name: string): string => join(prefix, `metrics.${name}`)

/** Whether every entry of a list (holes read as undefined) is a party, as `every` would say. */
const allParties = (list: ReadonlyArray<unknown>): boolean => {
  for (let i = 0; i < list.length; i++) if (i in list && !PARTIES.includes(list[i])) return false
  return true
}

/**
 * What is wrong with a policy's shape, if anything. `deep` checks every target too (for
 * `Sla.make`); an evaluation checks only the targets it uses, when it uses them.
 *
 * @internal
 */
const policyIssueUnguarded = (u: unknown, prefix: string, deep: boolean): Issue | undefined => {
  // every evaluation checks its policy: no path is written and no list is made unless something is wrong
  if (!isRecord(u))
    return makeIssue(prefix === '' ? '$' : prefix, 'an SLA policy (made by Sla.make or Sla.decodePolicy)', u)
  if (deep && u['_tag'] !== 'SlaPolicy') return makeIssue(join(prefix, '_tag'), '"SlaPolicy"', u['_tag'])
  if (deep && typeof u['name'] !== 'string') return makeIssue(join(prefix, 'name'), 'the name of the policy', u['name'])
  const ms = u['metrics']
  if (!isRecord(ms)) return makeIssue(join(prefix, 'metrics'), 'the metrics of the policy (an object)', ms)
  const warnings = u['warnings']
  if (!Array.isArray(warnings)) return makeIssue(join(prefix, 'warnings'), 'a list of warning thresholds', warnings)
  for (let i = 0; i < warnings.length; i++) {
    const w: unknown = warnings[i]
    if (!isShare(w)) return makeIssue(`${join(prefix, 'warnings')}[${i}]`, 'a fraction strictly between 0 and 1', w)
  }
  const tiers = u['tiers']
  if (tiers !== undefined && !isRecord(tiers))
    return makeIssue(join(prefix, 'tiers'), 'targets per tier (an object)', tiers)
  if (deep && tiers !== undefined) {
    const bad = targetsIssue(join(prefix, 'tiers'), tiers)
    if (bad !== undefined) return bad
  }
  const names = Object.keys(ms)
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string
    const m = ms[name]
    if (m === undefined) continue
    if (deep && !metrics.includes(name as never))
      return makeIssue(
        metricPath(prefix, name),
        'one of the metrics "response" | "resolution" | "update" | "restore"',
        name
      )
    if (!isRecord(m)) return makeIssue(metricPath(prefix, name), 'a metric policy (an object)', m)
    const bad = deep
      ? targetsIssue(`${metricPath(prefix, name)}.targets`, m['targets'])
      : isRecord(m['targets'])
        ? undefined
        : makeIssue(`${metricPath(prefix, name)}.targets`, 'targets per priority (an object)', m['targets'])
    if (bad !== undefined) return bad
    const byKind = m['byKind']
    if (byKind !== undefined) {
      if (!isRecord(byKind))
        return makeIssue(`${metricPath(prefix, name)}.byKind`, 'targets per kind (an object)', byKind)
      if (deep)
        for (const [kind, table] of Object.entries(byKind)) {
          if (!KINDS.includes(kind))
            return makeIssue(
              `${metricPath(prefix, name)}.byKind`,
              'kinds of ticket ("incident", "serviceRequest", …)',
              kind
            )
          const wrong = targetsIssue(`${metricPath(prefix, name)}.byKind.${kind}`, table)
          if (wrong !== undefined) return wrong
        }
    }
    const pause = m['pauseWhileAwaiting']
    if (pause !== undefined && !(Array.isArray(pause) && allParties(pause)))
      return makeIssue(
        `${metricPath(prefix, name)}.pauseWhileAwaiting`,
        'a list of "customer" | "thirdParty" | "vendor"',
        pause
      )
    if (m['reopen'] !== undefined && !REOPEN.includes(m['reopen']))
      return makeIssue(
        `${metricPath(prefix, name)}.reopen`,
        'one of "resume" | "restart" | "firstCloseOnly"',
        m['reopen']
      )
  }
  return undefined
}

/** {@link policyIssueUnguarded}, total: a value whose reads throw (a `Proxy` from a JavaScript caller) gives an issue. @internal */
export const policyIssue = (u: unknown, prefix: string, deep: boolean): Issue | undefined => {
  try {
    return policyIssueUnguarded(u, prefix, deep)
  } catch {
    return makeIssue(prefix === '' ? '$' : prefix, 'an SLA policy whose properties can be read', u)
  }
}
