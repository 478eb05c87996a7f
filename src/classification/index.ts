/**
 * Category trees and rule-based classification: where a new ticket belongs, and a first proposal
 * of its kind, category, urgency and impact that says why. Ticket kinds and channels themselves
 * are the {@link Kind} namespace.
 *
 * - **Category trees** (service → category → subcategory) are checked by
 *   {@link makeCategoryTree} and queried with {@link path}, {@link children}, {@link isUnder}…
 * - A **classifier** is an ordered list of rules ({@link makeClassifier}); {@link classify}
 *   proposes each field from the first matching rule that proposes it, keeps the fields an
 *   agent set, and explains every value. Text matching ignores case and accents
 *   ({@link normalise}).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Classification } from 'itsm-kit'
 * const proposal = pipe(
 *   E.Do,
 *   E.bind('categories', () => Classification.decodeCategoryTree({ categories: [
 *     { id: 'accounts', name: 'Accounts' },
 *     { id: 'accounts.password', name: 'Password reset', parent: 'accounts' }
 *   ] })),
 *   E.bind('classifier', ({ categories }) => Classification.decodeClassifier({ rules: [
 *     { id: 'password', when: { _tag: 'Text', patterns: ['passord', 'lösenord', 'salasana', 'hasło', 'hasła'] },
 *       then: { kind: 'serviceRequest', category: 'accounts.password' } }
 *   ] }, { categories })),
 *   E.map(({ classifier }) => pipe(classifier, Classification.classify({ channel: 'email', text: 'Zapomniałem hasła' })))
 * )
 * assert.deepStrictEqual(pipe(proposal, E.map((p) => p.fields)), E.right({ kind: 'serviceRequest', category: 'accounts.password' }))
 * ```
 * @module Classification
 * @since 0.1.0
 */
export type {
  AllCondition,
  AnyCondition,
  Category,
  CategoryLevel,
  CategoryNode,
  CategoryTree,
  CategoryTreeSpec,
  ChannelCondition,
  Classifier,
  ClassifierContext,
  ClassifierInput,
  ClassifierSpec,
  Condition,
  CustomerCondition,
  FieldName,
  FieldOrigin,
  Fields,
  Kept,
  MonitoringCondition,
  Proposal,
  Proposed,
  Reason,
  Rule,
  ServiceCondition,
  TextCondition,
  TextMatch,
  Unset
} from './model.js'
export type {
  CategoryCycle,
  CategoryTooDeep,
  ClassificationError,
  ConditionTooDeep,
  DuplicateCategoryId,
  DuplicateRuleId,
  EmptyPattern,
  EmptyProposal,
  UnknownCategory,
  UnknownLevel,
  UnknownParent
} from './errors.js'
export {
  ancestors,
  children,
  decodeCategoryTree,
  encodeCategoryTree,
  findCategory,
  hasCategory,
  isUnder,
  makeCategoryTree,
  path,
  serviceOf,
  services
} from './categories.js'
export { classify, decodeClassifier, encodeClassifier, explain, makeClassifier } from './classifier.js'
export { normalise } from './normalise.js'
