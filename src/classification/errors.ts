import type { DecodeError } from '../internal/decodeError.js'
import { describe } from '../internal/describe.js'

/**
 * Two nodes of a category tree with the same id.
 *
 * @category errors
 * @since 0.1.0
 */
export interface DuplicateCategoryId {
  readonly _tag: 'DuplicateCategoryId'
  readonly path: string
  readonly id: string
  /** The path of the node that has the id first. */
  readonly first: string
  readonly message: string
}

/**
 * A node whose parent id names no node of the tree.
 *
 * @category errors
 * @since 0.1.0
 */
export interface UnknownParent {
  readonly _tag: 'UnknownParent'
  readonly path: string
  readonly id: string
  readonly parent: string
  readonly message: string
}

/**
 * A chain of parents that leads back to where it started instead of to a service.
 *
 * @category errors
 * @since 0.1.0
 */
export interface CategoryCycle {
  readonly _tag: 'CategoryCycle'
  readonly path: string
  readonly id: string
  /** The ids around the cycle, starting and ending with `id`. */
  readonly cycle: ReadonlyArray<string>
  readonly message: string
}

/**
 * A node under a subcategory: trees are service → category → subcategory, no deeper.
 *
 * @category errors
 * @since 0.1.0
 */
export interface CategoryTooDeep {
  readonly _tag: 'CategoryTooDeep'
  readonly path: string
  readonly id: string
  readonly parent: string
  readonly message: string
}

/**
 * Two classifier rules with the same id.
 *
 * @category errors
 * @since 0.1.0
 */
export interface DuplicateRuleId {
  readonly _tag: 'DuplicateRuleId'
  readonly path: string
  readonly id: string
  /** The path of the rule that has the id first. */
  readonly first: string
  readonly message: string
}

/**
 * A classifier rule that proposes no field at all.
 *
 * @category errors
 * @since 0.1.0
 */
export interface EmptyProposal {
  readonly _tag: 'EmptyProposal'
  readonly path: string
  readonly rule: string
  readonly message: string
}

/**
 * A classifier rule that names a category or service the category tree does not have.
 *
 * @category errors
 * @since 0.1.0
 */
export interface UnknownCategory {
  readonly _tag: 'UnknownCategory'
  readonly path: string
  readonly rule: string
  readonly received: string
  readonly message: string
}

/**
 * A text pattern with no letter or digit, which would match every ticket or none.
 *
 * @category errors
 * @since 0.1.0
 */
export interface EmptyPattern {
  readonly _tag: 'EmptyPattern'
  readonly path: string
  readonly rule: string
  /** The pattern, described (long text is summarised by its length). */
  readonly received: string
  readonly message: string
}

/**
 * A proposed urgency or impact that is not a level of the priority matrix in use.
 *
 * @category errors
 * @since 0.1.0
 */
export interface UnknownLevel {
  readonly _tag: 'UnknownLevel'
  readonly path: string
  readonly rule: string
  readonly received: string
  readonly levels: ReadonlyArray<string>
  readonly message: string
}

/**
 * Conditions nested deeper than a classifier allows (8 levels).
 *
 * @category errors
 * @since 0.1.0
 */
export interface ConditionTooDeep {
  readonly _tag: 'ConditionTooDeep'
  readonly path: string
  readonly rule: string
  readonly message: string
}

/**
 * Everything that can be wrong with kind rules, a category tree or a classifier.
 *
 * @category errors
 * @since 0.1.0
 */
export type ClassificationError =
  | DecodeError
  | DuplicateCategoryId
  | UnknownParent
  | CategoryCycle
  | CategoryTooDeep
  | DuplicateRuleId
  | EmptyProposal
  | UnknownCategory
  | EmptyPattern
  | UnknownLevel
  | ConditionTooDeep

/** @internal */
export const duplicateCategoryId = (path: string, id: string, first: string): DuplicateCategoryId => ({
  _tag: 'DuplicateCategoryId',
  path,
  id,
  first,
  message: `${path}: expected an id no other category has, received ${describe(id)}, already the id of ${first}`
})

/** @internal */
export const unknownParent = (path: string, id: string, parent: string): UnknownParent => ({
  _tag: 'UnknownParent',
  path,
  id,
  parent,
  message: `${path}: expected the id of a category in this tree, received ${describe(parent)} (the parent of ${describe(id)})`
})

/** @internal */
export const categoryCycle = (path: string, id: string, cycle: ReadonlyArray<string>): CategoryCycle => ({
  _tag: 'CategoryCycle',
  path,
  id,
  cycle,
  message: `${path}: expected a chain of parents that ends at a service, received ${describe(cycle[1] ?? id)}, which leads back to ${describe(id)} (${cycle.map(describe).join(' → ')})`
})

/** @internal */
export const categoryTooDeep = (path: string, id: string, parent: string): CategoryTooDeep => ({
  _tag: 'CategoryTooDeep',
  path,
  id,
  parent,
  message: `${path}: expected the id of a service or a category (trees go service → category → subcategory), received ${describe(parent)}, a subcategory (the parent of ${describe(id)})`
})

/** @internal */
export const duplicateRuleId = (path: string, id: string, first: string): DuplicateRuleId => ({
  _tag: 'DuplicateRuleId',
  path,
  id,
  first,
  message: `${path}: expected an id no other rule has, received ${describe(id)}, already the id of ${first}`
})

/** @internal */
export const emptyProposal = (path: string, rule: string): EmptyProposal => ({
  _tag: 'EmptyProposal',
  path,
  rule,
  message: `${path}: expected at least one of kind, category, urgency, impact, received a rule (${describe(rule)}) that proposes nothing`
})

/** @internal */
export const unknownCategory = (path: string, rule: string, expected: string, received: string): UnknownCategory => ({
  _tag: 'UnknownCategory',
  path,
  rule,
  received,
  message: `${path}: expected ${expected}, received ${describe(received)}`
})

/** @internal */
export const emptyPattern = (path: string, rule: string, received: string): EmptyPattern => ({
  _tag: 'EmptyPattern',
  path,
  rule,
  received: describe(received),
  message: `${path}: expected a pattern with at least one letter or digit, received ${describe(received)}`
})

/** @internal */
export const unknownLevel = (
  path: string,
  rule: string,
  received: string,
  levels: ReadonlyArray<string>
): UnknownLevel => ({
  _tag: 'UnknownLevel',
  path,
  rule,
  received,
  levels,
  message: `${path}: expected one of ${levels.map(describe).join(' | ')}, received ${describe(received)}`
})

/** @internal */
export const conditionTooDeep = (path: string, rule: string, max: number): ConditionTooDeep => ({
  _tag: 'ConditionTooDeep',
  path,
  rule,
  message: `${path}: expected conditions nested at most ${max} deep, received a condition at depth ${max + 1}`
})
