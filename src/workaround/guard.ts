import { decodeError, makeIssue, type DecodeError } from '../internal/decodeError.js'
import { isBusinessCalendar, type BusinessCalendar } from '../calendar/index.js'
import { maxInstant, minInstant, type Instant } from '../time/index.js'
import type { Ticket } from '../ticket/index.js'

// Checks of values a JavaScript caller passes where the types say a ticket, an instant or a
// calendar: the library's own values always pass them.

/** @internal */
export const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/** @internal */
export const isInstant = (u: unknown): u is Instant =>
  typeof u === 'number' && Number.isFinite(u) && u >= minInstant && u <= maxInstant

/** Whether a value has the shape of a ticket rebuilt by `Ticket.replay`, as far as the workaround queries read it. @internal */
const isTicketUnguarded = (u: unknown): u is Ticket => {
  if (!isRecord(u) || u['_tag'] !== 'Ticket' || typeof u['id'] !== 'string' || typeof u['version'] !== 'number')
    return false
  if (typeof u['customer'] !== 'string' || typeof u['title'] !== 'string' || typeof u['tier'] !== 'string') return false
  const status = u['status']
  if (!isRecord(status) || typeof status['_tag'] !== 'string' || !isInstant(status['since'])) return false
  const problems = u['problemIds']
  if (!Array.isArray(problems) || !problems.every((p) => typeof p === 'string')) return false
  if (u['kind'] !== undefined && typeof u['kind'] !== 'string') return false
  const w = u['workaround']
  return (
    w === undefined ||
    (isRecord(w) &&
      typeof w['description'] === 'string' &&
      isInstant(w['appliedAt']) &&
      (w['problemId'] === undefined || typeof w['problemId'] === 'string'))
  )
}

/** {@link isTicketUnguarded}, total: a value whose reads throw (a `Proxy` from a JavaScript caller) gives false. @internal */
export const isTicket = (u: unknown): u is Ticket => {
  try {
    return isTicketUnguarded(u)
  } catch {
    return false
  }
}

/** Whether a value is a business calendar (`Calendar.isBusinessCalendar`). @internal */
export const isCalendar: (u: unknown) => u is BusinessCalendar = isBusinessCalendar

/** The error for a value that is not a ticket where one is expected. @internal */
export const notATicket = (path: string, u: unknown): DecodeError =>
  decodeError([makeIssue(path, 'a ticket rebuilt by Ticket.replay', u)])

/** The error for options that are not what the types say, if any: an instant `at`, an actor, a ticket context. @internal */
export const optionsError = (options: unknown): DecodeError | undefined => {
  if (!isRecord(options)) return decodeError([makeIssue('options', 'options ({ at, actor, … })', options)])
  if (!isInstant(options['at']))
    return decodeError([makeIssue('options.at', 'an instant (epoch milliseconds) from 1900 to 2200', options['at'])])
  const actor = options['actor']
  if (!isRecord(actor) || typeof actor['role'] !== 'string' || typeof actor['id'] !== 'string')
    return decodeError([makeIssue('options.actor', 'an actor ({ role, id })', actor)])
  const context = options['context']
  if (
    context !== undefined &&
    !(
      isRecord(context) &&
      isRecord(context['kinds']) &&
      isRecord(context['matrix']) &&
      typeof context['firstTier'] === 'string'
    )
  )
    return decodeError([makeIssue('options.context', 'a ticket context (such as Ticket.defaultContext)', context)])
  const resolve = options['resolve']
  if (resolve !== undefined && !isRecord(resolve))
    return decodeError([makeIssue('options.resolve', 'a resolution ({ note })', resolve)])
  return undefined
}
