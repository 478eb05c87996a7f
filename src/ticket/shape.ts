import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { decodeError, decodeWith, type DecodeError, type Issue } from '../internal/decodeError.js'
import { taggedUnion } from '../internal/primitives.js'
import type { TicketCommand } from './commands.js'
import type { TicketEvent } from './events.js'
import { commandMembers, eventMembers, InstantValue } from './limits.js'

/**
 * A ticket event in memory (instants as milliseconds), checked against the same table of limits
 * as the wire codec: `is` is the fast check `replay` makes of every event. Only its guard and
 * its decoder are used (never its writer), so its output type is left open; its decoded type is
 * the members' own, which the annotation checks against `TicketEvent`.
 *
 * @internal
 */
export const TicketEventValue: t.Type<TicketEvent, unknown, unknown> = taggedUnion(eventMembers(InstantValue))

/** A ticket command in memory, checked against the same limits as the wire codec. @internal */
export const TicketCommandValue: t.Type<TicketCommand, unknown, unknown> = taggedUnion(commandMembers(InstantValue))

const at = (prefix: string, issue: Issue): Issue => {
  const path =
    issue.path === '$' ? prefix : issue.path.startsWith('[') ? `${prefix}${issue.path}` : `${prefix}.${issue.path}`
  return { ...issue, path, message: `${path}: expected ${issue.expected}, received ${issue.received}` }
}

/** Every issue under a path prefix (`events[3]`, `command`), or the issues as they are. @internal */
export const under = (prefix: string | undefined, e: DecodeError): DecodeError =>
  prefix === undefined ? e : decodeError(e.issues.map((i) => at(prefix, i)))

/** The shape problems of an in-memory event, with their paths under `prefix`, or undefined when well formed. @internal */
export const eventProblems = (u: unknown, prefix?: string): DecodeError | undefined => {
  if (safeIs(TicketEventValue, u)) return undefined
  const r = decodeWith(TicketEventValue)(u)
  return E.isLeft(r) ? under(prefix, r.left) : undefined
}

/** The shape problems of an in-memory command, or undefined when well formed. @internal */
export const commandProblems = (u: unknown, prefix?: string): DecodeError | undefined => {
  if (safeIs(TicketCommandValue, u)) return undefined
  const r = decodeWith(TicketCommandValue)(u)
  return E.isLeft(r) ? under(prefix, r.left) : undefined
}

const safeIs = (type: t.Any, u: unknown): boolean => {
  try {
    return type.is(u)
  } catch {
    return false
  }
}

/** Whether a value is a well-formed in-memory ticket event; never throws. @internal */
export const isEvent = (u: unknown): u is TicketEvent => safeIs(TicketEventValue, u)
