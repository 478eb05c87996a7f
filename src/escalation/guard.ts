import { audienceList, audiences } from '../internal/audience.js'
import { makeIssue, type Issue } from '../internal/decodeError.js'
import { metrics } from '../sla/index.js'
import { maxDuration } from '../time/index.js'
import type { Decision, NoticeReason } from './model.js'
import { isArrayValue } from '../internal/primitives.js'

// Checks of values a JavaScript caller passes where the types say an escalation policy or a
// ladder: the library's own values always pass them.

/** @internal */
export const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

const AUDIENCES: ReadonlyArray<unknown> = audiences

const isDuration = (u: unknown): boolean => typeof u === 'number' && Number.isInteger(u) && u >= 0 && u <= maxDuration

/** What is wrong with a ladder's shape, if anything. @internal */
export const tiersIssue = (tiers: unknown, path: string): Issue | undefined => {
  if (!isArrayValue(tiers) || !Array.isArray(tiers) || tiers.length === 0)
    return makeIssue(path, 'a ladder of at least one tier', tiers)
  for (const [i, t] of tiers.entries()) {
    if (!isRecord(t) || typeof t['name'] !== 'string')
      return makeIssue(`${path}[${i}]`, 'a tier ({ name, timebox? })', t)
    const box = t['timebox']
    if (box !== undefined && !isDuration(box))
      return makeIssue(`${path}[${i}].timebox`, 'a business duration in milliseconds, 0 or more', box)
    const ext = t['external']
    if (ext !== undefined && !(isRecord(ext) && (ext['party'] === 'vendor' || ext['party'] === 'thirdParty')))
      return makeIssue(`${path}[${i}].external`, 'an outside party ({ party: "vendor" | "thirdParty" })', ext)
    const uc = isRecord(ext) ? ext['underpinning'] : undefined
    if (uc !== undefined) {
      if (!isRecord(uc)) return makeIssue(`${path}[${i}].external.underpinning`, 'targets per priority (an object)', uc)
      for (const [p, d] of Object.entries(uc))
        if (!isDuration(d))
          return makeIssue(
            `${path}[${i}].external.underpinning.${p}`,
            'a business duration in milliseconds, 0 or more',
            d
          )
    }
  }
  return undefined
}

/** What is wrong with a policy's shape, if anything. @internal */
const policyIssueUnguarded = (u: unknown, path = 'policy'): Issue | undefined => {
  if (!isRecord(u))
    return makeIssue(path, 'an escalation policy (made by Escalation.make or Escalation.decodePolicy)', u)
  const tiers = tiersIssue(u['tiers'], `${path}.tiers`)
  if (tiers !== undefined) return tiers
  const notices = u['notices']
  if (!Array.isArray(notices)) return makeIssue(`${path}.notices`, 'a list of notice rules', notices)
  for (const [i, n] of notices.entries()) {
    if (!isRecord(n)) return makeIssue(`${path}.notices[${i}]`, 'a notice rule ({ metric, threshold, audience })', n)
    const th = n['threshold']
    if (!(th === 'breach' || (typeof th === 'number' && th > 0 && th < 1)))
      return makeIssue(`${path}.notices[${i}].threshold`, 'a fraction strictly between 0 and 1, or "breach"', th)
    if (typeof n['metric'] !== 'string') return makeIssue(`${path}.notices[${i}].metric`, 'an SLA metric', n['metric'])
    if (!AUDIENCES.includes(n['audience']))
      return makeIssue(`${path}.notices[${i}].audience`, `one of ${audienceList}`, n['audience'])
  }
  const priorities = u['priorities']
  if (!isRecord(priorities)) return makeIssue(`${path}.priorities`, 'rules per priority name (an object)', priorities)
  for (const [name, r] of Object.entries(priorities)) {
    if (!isRecord(r)) return makeIssue(`${path}.priorities.${name}`, 'a priority rule (an object)', r)
    if (r['atLeast'] !== undefined && typeof r['atLeast'] !== 'string')
      return makeIssue(`${path}.priorities.${name}.atLeast`, 'a tier name', r['atLeast'])
    if (r['notify'] !== undefined && !(Array.isArray(r['notify']) && r['notify'].every((a) => AUDIENCES.includes(a))))
      return makeIssue(`${path}.priorities.${name}.notify`, `a list of ${audienceList}`, r['notify'])
    if (r['holdUntilOpen'] !== undefined && typeof r['holdUntilOpen'] !== 'boolean')
      return makeIssue(`${path}.priorities.${name}.holdUntilOpen`, 'true or false', r['holdUntilOpen'])
  }
  if (typeof u['holdUntilOpen'] !== 'boolean')
    return makeIssue(`${path}.holdUntilOpen`, 'true or false', u['holdUntilOpen'])
  return undefined
}

/** {@link policyIssueUnguarded}, total: a value whose reads throw (a `Proxy` from a JavaScript caller) gives makeIssue(path, 'an escalation policy whose properties can b. @internal */
export const policyIssue = (u: unknown, path = 'policy'): Issue | undefined => {
  try {
    return policyIssueUnguarded(u, path)
  } catch {
    return makeIssue(path, 'an escalation policy whose properties can be read', u)
  }
}

const METRICS: ReadonlyArray<string> = metrics

/** Whether a value is a reason a policy gives a notice: `priority:<name>`, `<metric>:<share>` or `<metric>:breach`. @internal */
export const isNoticeReason = (u: unknown): u is NoticeReason => {
  if (typeof u !== 'string') return false
  const colon = u.indexOf(':')
  if (colon < 0) return false
  const head = u.slice(0, colon)
  const tail = u.slice(colon + 1)
  if (head === 'priority') return true
  return (
    METRICS.includes(head) &&
    (tail === 'breach' || (tail !== '' && tail.trim() === tail && Number.isFinite(Number(tail))))
  )
}

/**
 * Whether a value is an escalation decision in every field `toCommands` reads or copies into a
 * command: its tag, its instants, and the target tier of an escalation or the audience and
 * reason of a notice. @internal
 */
export const isDecision = (u: unknown): u is Decision => {
  if (!isRecord(u) || typeof u['dueSince'] !== 'number') return false
  switch (u['_tag']) {
    case 'EscalationDue':
      return typeof u['toTier'] === 'string'
    case 'NoticeDue':
      return typeof u['sendAt'] === 'number' && AUDIENCES.includes(u['audience']) && isNoticeReason(u['reason'])
    default:
      return false
  }
}
