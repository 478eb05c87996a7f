import type { DecodeError } from '../internal/decodeError.js'
import { describe } from '../internal/describe.js'

/**
 * A ladder without a single tier.
 *
 * @category errors
 * @since 0.1.0
 */
export interface NoTiers {
  readonly _tag: 'NoTiers'
  readonly path: string
  readonly message: string
}

/**
 * Two tiers of a ladder with the same name.
 *
 * @category errors
 * @since 0.1.0
 */
export interface DuplicateTier {
  readonly _tag: 'DuplicateTier'
  readonly path: string
  readonly message: string
}

/**
 * A priority rule that names a tier the ladder does not have.
 *
 * @category errors
 * @since 0.1.0
 */
export interface UnknownTier {
  readonly _tag: 'UnknownTier'
  readonly path: string
  readonly message: string
}

/**
 * An escalation decision turned into a command without a handover note: the decision cannot
 * write one, the caller must.
 *
 * @category errors
 * @since 0.1.0
 */
export interface HandoverNoteRequired {
  readonly _tag: 'HandoverNoteRequired'
  readonly path: string
  readonly ticketId: string
  readonly message: string
}

/**
 * Everything that can be wrong with escalation tiers, an escalation policy, or the commands made
 * from decisions.
 *
 * @category errors
 * @since 0.1.0
 */
export type EscalationError = DecodeError | NoTiers | DuplicateTier | UnknownTier | HandoverNoteRequired

/** @internal */
export const noTiers = (path: string): NoTiers => ({
  _tag: 'NoTiers',
  path,
  message: `${path}: expected at least one tier (such as the service desk "L1"), received an empty list`
})

/** @internal */
export const duplicateTier = (path: string, name: string, first: number): DuplicateTier => ({
  _tag: 'DuplicateTier',
  path,
  message: `${path}: expected a tier name not used before, received ${describe(name)}, the name of tiers[${first}]`
})

/** @internal */
export const unknownTier = (path: string, name: string, known: ReadonlyArray<string>): UnknownTier => ({
  _tag: 'UnknownTier',
  path,
  message: `${path}: expected one of the policy's tiers (${known.map((k) => describe(k)).join(', ')}), received ${describe(name)}`
})

/** @internal */
export const handoverNoteRequired = (
  path: string,
  ticketId: string,
  fromTier: string,
  toTier: string,
  received: unknown
): HandoverNoteRequired => ({
  _tag: 'HandoverNoteRequired',
  path,
  ticketId,
  message: `${path}: expected a handover note for the escalation of ticket ${describe(ticketId)} from ${describe(fromTier)} to ${describe(toTier)}, so the next tier can continue without asking again, received ${describe(received)}`
})
