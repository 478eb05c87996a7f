import * as E from 'fp-ts/lib/Either.js'
import { absurd } from 'fp-ts/lib/function.js'
import { addBusinessDays, isBusinessCalendar } from '../calendar/index.js'
import type { BusinessCalendar } from '../calendar/index.js'
import { defaultKindRules } from '../kind/index.js'
import type { KindRules } from '../kind/index.js'
import { decodeError, makeIssue, type DecodeError } from '../internal/decodeError.js'
import { violation } from './apply.js'
import { isTicketState, resolveContext, type ReadContext } from './context.js'
import type { TicketCommand } from './commands.js'
import { invalidCommand, invalidCommandFrom, tooEarlyToClose, type TicketError } from './errors.js'
import type { EventHeader, TicketEvent } from './events.js'
import type { TicketState } from './model.js'
import { evolve } from './evolve.js'
import { Name } from './limits.js'
import { commandProblems, eventProblems } from './shape.js'
import { itilDefault } from '../priority/index.js'
import { lookup, priorityNamed } from '../priority/index.js'
import type { Matrix, Priority } from '../priority/index.js'
import type { PriorityError } from '../priority/index.js'
import { isArrayValue } from '../internal/primitives.js'

/**
 * What `decide` needs besides the command and the ticket: the priority matrix, the kind rules, the first tier
 * new tickets start in, and (for automatic closing) the calendar and number of business days of
 * customer silence after which a resolved ticket may close.
 *
 * @category models
 * @since 0.1.0
 */
export interface DecideContext extends ReadContext {
  readonly matrix: Matrix
  /** What each kind of ticket may carry; `Kind.defaultKindRules` in the default context. */
  readonly kinds: KindRules
  readonly firstTier: string
  readonly autoClose?: { readonly calendar: BusinessCalendar; readonly businessDays: number }
}

const header = (state: TicketState, command: TicketCommand, ticketId: string): EventHeader => ({
  ticketId: ticketId as EventHeader['ticketId'],
  seq: state._tag === 'Unopened' ? 1 : state.version + 1,
  at: plain(command.at),
  // a copy of the actor's own fields: what is stored is exactly what is read back
  actor: { role: command.actor.role, id: command.actor.id }
})

/** -0 becomes 0 (JSON writes both as 0, so a stored -0 would read back as another value). */
const plain = <N>(n: N): N => ((n as unknown) === 0 ? (0 as N) : n)

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

const ranked = (p: Priority): { readonly rank: number; readonly name: string; readonly label: string } => ({
  rank: p.rank,
  name: p.name,
  label: p.label
})

const one = (e: TicketEvent): E.Either<TicketError, ReadonlyArray<TicketEvent>> => E.right([e])

const fromPriority = (ticketId: string, e: PriorityError): TicketError =>
  invalidCommandFrom(ticketId, e._tag === 'DecodeError' ? '$' : e.path, e.message)

/**
 * The context most desks start from: the ITIL 3 × 3 matrix, the default kind rules, new
 * tickets at the first line (`L1`), and no automatic closing.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Ticket } from 'itsm-kit'
 * assert.strictEqual(Ticket.defaultContext.firstTier, 'L1')
 * assert.strictEqual(Ticket.defaultContext.matrix.priorities.length, 5)
 * ```
 * @category constants
 * @since 0.1.0
 */
export const defaultContext: DecideContext = { matrix: itilDefault, kinds: defaultKindRules, firstTier: 'L1' }

/** The events a command stands for, before any rule is checked. */
const propose = (
  command: TicketCommand,
  state: TicketState,
  context: DecideContext
): E.Either<TicketError, ReadonlyArray<TicketEvent>> => {
  const id = command._tag === 'Open' ? command.ticketId : state._tag === 'Ticket' ? state.id : ''
  const h = header(state, command, id)
  switch (command._tag) {
    case 'Open':
      return one({
        _tag: 'TicketOpened',
        ...h,
        channel: command.channel,
        customer: command.customer,
        requester: command.requester,
        title: command.title,
        tier: command.tier ?? context.firstTier,
        ...optional('service', command.service),
        ...optional('affectedUsers', plain(command.affectedUsers)),
        ...optional('kind', command.kind),
        ...optional('requestedBy', command.requestedBy)
      })
    case 'Classify':
      return one({ _tag: 'TicketClassified', ...h, kind: command.kind, ...optional('category', command.category) })
    case 'Prioritise': {
      const p = lookup(command.urgency, command.impact)(context.matrix)
      return E.isLeft(p)
        ? E.left(fromPriority(id, p.left))
        : one({ _tag: 'PrioritySet', ...h, urgency: command.urgency, impact: command.impact, ...ranked(p.right) })
    }
    case 'OverridePriority': {
      const p = priorityNamed(command.priority)(context.matrix)
      return E.isLeft(p)
        ? E.left(fromPriority(id, p.left))
        : one({ _tag: 'PriorityOverridden', ...h, ...ranked(p.right), reason: command.reason })
    }
    case 'Assign':
      return one({ _tag: 'TicketAssigned', ...h, assignee: command.assignee })
    case 'Escalate':
      return one({
        _tag: 'TicketEscalated',
        ...h,
        toTier: command.toTier,
        note: command.note,
        ...optional('assignee', command.assignee)
      })
    case 'Reply':
      return one({ _tag: 'PublicReplySent', ...h, message: command.message })
    case 'AddNote':
      return one({ _tag: 'InternalNoteAdded', ...h, note: command.note })
    case 'Await':
      return one({ _tag: 'AwaitingStarted', ...h, party: command.party, ...optional('reason', command.reason) })
    case 'Resume':
      return one({ _tag: 'WorkResumed', ...h })
    case 'ApplyWorkaround':
      return one({
        _tag: 'WorkaroundApplied',
        ...h,
        description: command.description,
        ...optional('problemId', command.problemId)
      })
    case 'Notify':
      return one({ _tag: 'NoticeSent', ...h, audience: command.audience, reason: command.reason })
    case 'WithdrawWorkaround':
      return one({ _tag: 'WorkaroundWithdrawn', ...h, reason: command.reason })
    case 'IdentifyRootCause':
      return one({ _tag: 'RootCauseIdentified', ...h, rootCause: command.rootCause })
    case 'Resolve':
      return one({ _tag: 'TicketResolved', ...h, code: command.code, note: command.note })
    case 'Confirm':
      return one({ _tag: 'TicketClosed', ...h, reason: 'confirmed' })
    case 'Reject':
      return one({ _tag: 'ResolutionRejected', ...h, reason: command.reason })
    case 'Reopen':
      return one({ _tag: 'TicketReopened', ...h, reason: command.reason })
    case 'Close': {
      const policy = context.autoClose
      if (policy === undefined)
        return E.left(
          invalidCommand(
            id,
            'context.autoClose',
            'an auto-close policy (calendar and business days) to close for silence',
            'none'
          )
        )
      if (!(Number.isInteger(policy.businessDays) && policy.businessDays >= 1))
        return E.left(
          invalidCommand(
            id,
            'context.autoClose.businessDays',
            'a whole number of business days, 1 or more',
            policy.businessDays
          )
        )
      if (state._tag === 'Ticket' && state.status._tag === 'Resolved') {
        const earliest = addBusinessDays(state.status.since, policy.businessDays)(policy.calendar)
        if (command.at < earliest)
          return E.left(
            tooEarlyToClose(id, state.status.since, earliest, command.at, policy.businessDays, policy.calendar.zone)
          )
      }
      return one({ _tag: 'TicketClosed', ...h, reason: 'silence' })
    }
    case 'Cancel':
      return one({ _tag: 'TicketCancelled', ...h, reason: command.reason })
    case 'Rate':
      return one({ _tag: 'TicketRated', ...h, score: plain(command.score), ...optional('comment', command.comment) })
    case 'LinkProblem':
      return one({ _tag: 'LinkedToProblem', ...h, problemId: command.problemId })
    default:
      return absurd(command)
  }
}

/**
 * Decides what a command means for a ticket: the events to store, or why it cannot happen.
 *
 * The command is first checked against the limits the wire keeps (`Ticket.limits`: lengths,
 * ranges, id shapes, real dates and instants, no unknown property), then every event against the
 * ticket's rules in the context (the same ones {@link replay} checks), so what `decide` returns
 * can always be stored, read back with `decodeHistory(json, context)` and replayed. A malformed
 * command, context or state is a `DecodeError` naming the field. `Confirm` closes a resolved
 * ticket; `Close` closes one only after the context's business days of silence since the
 * resolution.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Ticket, Time } from 'itsm-kit'
 * const at = Time.instant('2025-03-07T08:05:00+01:00')
 * const kari = { role: 'agent', id: 'kari' } as const
 * const open = { _tag: 'Open', at, actor: kari, ticketId: Ticket.ticketId('INC-42'), channel: 'phone',
 *   customer: 'Fjord AS', requester: 'ola', title: 'Forgot my password' } as const
 * const events = pipe(Ticket.initial, Ticket.decide(open, Ticket.defaultContext))
 * assert.deepStrictEqual(pipe(events, E.map((es) => es.map((e) => `${e._tag} #${e.seq}`))), E.right(['TicketOpened #1']))
 * ```
 * @category event sourcing
 * @since 0.1.0
 */
export const decide =
  (command: TicketCommand, context: DecideContext) =>
  (self: TicketState): E.Either<TicketError, ReadonlyArray<TicketEvent>> => {
    const ctx = checkDecideContext(context)
    if (E.isLeft(ctx)) return ctx
    if (!isTicketState(self))
      return E.left(decodeError([makeIssue('state', 'a ticket state (Ticket.initial or a ticket)', self)]))
    const proposed = proposeChecked(command, self, ctx.right)
    if (E.isLeft(proposed)) return proposed
    let state = self
    for (const event of proposed.right) {
      const shape = eventProblems(event)
      if (shape !== undefined) return E.left(shape)
      const broken = violation(state, event, ctx.right)
      if (broken !== undefined) return E.left(broken)
      state = evolve(state, event)
    }
    return proposed
  }

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !isArrayValue(u)

type AutoClose = NonNullable<DecideContext['autoClose']>

/** Whether a value is an auto-close policy in shape: a compiled calendar and a number (`decide` checks the number when it closes). */
const isAutoClose = (u: unknown): u is AutoClose =>
  isObject(u) && isBusinessCalendar(u['calendar']) && typeof u['businessDays'] === 'number'

/**
 * A decide context checked: its matrix and kind rules, its first tier (a name) and its
 * auto-close policy (a compiled calendar), or a decode error naming the part at fault.
 *
 * @internal
 */
export const checkDecideContext = (u: unknown): E.Either<DecodeError, DecideContext> => {
  if (!isObject(u))
    return E.left(decodeError([makeIssue('context', 'a decide context (such as Ticket.defaultContext)', u)]))
  const read = resolveContext(u)
  if (E.isLeft(read)) return read
  const firstTier = u['firstTier']
  const autoClose = u['autoClose']
  const firstTierOk = Name.is(firstTier)
  const autoCloseOk = autoClose === undefined || isAutoClose(autoClose)
  if (firstTierOk && autoCloseOk)
    return E.right({ ...read.right, firstTier, ...(autoClose === undefined ? {} : { autoClose }) })
  return E.left(
    decodeError([
      ...(firstTierOk ? [] : [makeIssue('context.firstTier', Name.name, firstTier)]),
      ...(autoCloseOk
        ? []
        : [
            makeIssue(
              'context.autoClose',
              'an auto-close policy: a compiled calendar and a number of business days',
              autoClose
            )
          ])
    ])
  )
}

/**
 * The events a well-formed command stands for, or the problems of a malformed one.
 *
 * @internal
 */
export const proposeChecked = (
  command: unknown,
  state: TicketState,
  context: DecideContext
): E.Either<TicketError, ReadonlyArray<TicketEvent>> => {
  const shape = commandProblems(command)
  return shape !== undefined ? E.left(shape) : propose(command as TicketCommand, state, context)
}
