// The agreements file: which customer has which calendar and SLA policy.
import * as E from 'fp-ts/lib/Either.js'
import { Calendar, Sla } from '../index.js'
import { inputError, usageError } from './io.js'
import { issuesOf, located, readJson, type JsonFile } from './json.js'

/** The smallest policy, standing in for one already checked while the rest of an agreement is. */
const STAND_IN_POLICY = { _tag: 'SlaPolicy', name: 'stand-in', metrics: {}, warnings: [] }

/**
 * `{ "agreements": [ { "customer", "calendar", "policy", "service"? }, … ] }`: each entry is an
 * agreement in the library's wire form (`Codec.AgreementJson`), `customer` required and unique.
 * @internal
 */
export const decodeAgreementsFile = (json: JsonFile): E.Either<ReadonlyArray<string>, ReadonlyArray<Sla.Agreement>> => {
  const root = json.value
  const where = (path: string, message: string) => located(json, [{ path, message: `${path}: ${message}` }])
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    return E.left(
      where(
        '$',
        'expected an object { "agreements": [...] }, received ' + (Array.isArray(root) ? 'an array' : typeof root)
      )
    )
  const list = (root as { agreements?: unknown }).agreements
  if (!Array.isArray(list) || list.length === 0)
    return E.left(
      where(
        'agreements',
        'expected a non-empty list of agreements, received ' + (Array.isArray(list) ? 'an empty list' : typeof list)
      )
    )
  const problems: string[] = []
  const out: Sla.Agreement[] = []
  const seen = new Map<string, number>()
  // agreements with the same calendar (the same JSON) share one compiled calendar: it is compiled
  // once, and the tables it builds as it is used are built once, not once per customer; those
  // with the same policy share one policy, checked once
  const calendars = new Map<string, Sla.Agreement['calendar']>()
  const policies = new Map<string, Sla.Agreement['policy']>()
  list.forEach((entry, i) => {
    const customer =
      typeof entry === 'object' && entry !== null ? (entry as { customer?: unknown }).customer : undefined
    const before = typeof customer === 'string' ? seen.get(customer) : undefined
    if (before !== undefined)
      problems.push(
        ...where(
          `agreements[${i}].customer`,
          `expected a customer not listed before, received the customer of agreements[${before}]`
        )
      )
    else if (typeof customer === 'string') seen.set(customer, i)
    const key =
      typeof entry === 'object' && entry !== null
        ? JSON.stringify((entry as { calendar?: unknown }).calendar)
        : undefined
    const policyKey =
      typeof entry === 'object' && entry !== null ? JSON.stringify((entry as { policy?: unknown }).policy) : undefined
    const shared = key === undefined ? undefined : calendars.get(key)
    const sharedPolicy = policyKey === undefined ? undefined : policies.get(policyKey)
    // a calendar or policy met before is not checked and compiled again (a stand-in is, in a
    // moment, then replaced)
    const decoded = Sla.decodeAgreement(
      shared === undefined && sharedPolicy === undefined
        ? entry
        : {
            ...(entry as object),
            ...(shared === undefined ? {} : { calendar: Calendar.alwaysOpen }),
            ...(sharedPolicy === undefined ? {} : { policy: STAND_IN_POLICY })
          }
    )
    if (E.isLeft(decoded)) return problems.push(...located(json, issuesOf(decoded.left), `agreements[${i}]`))
    if (decoded.right.customer === undefined)
      return problems.push(...where(`agreements[${i}].customer`, 'expected a customer id, received nothing'))
    if (shared === undefined && key !== undefined) calendars.set(key, decoded.right.calendar)
    if (sharedPolicy === undefined && policyKey !== undefined) policies.set(policyKey, decoded.right.policy)
    out.push({
      ...decoded.right,
      ...(shared === undefined ? {} : { calendar: shared }),
      ...(sharedPolicy === undefined ? {} : { policy: sharedPolicy })
    })
  })
  return problems.length > 0 ? E.left(problems) : E.right(out)
}

/** Reads the agreements file or fails with every problem (exit status 1). @internal */
export const loadAgreements = async (file: string | undefined): Promise<ReadonlyArray<Sla.Agreement>> => {
  if (file === undefined)
    throw usageError(
      '--agreements: expected the agreements file, { "agreements": [ … ] } (format: docs/cli.md; itsm-kit demo writes one)'
    )
  const decoded = decodeAgreementsFile(await readJson(file))
  if (E.isLeft(decoded)) throw inputError(decoded.left.join('\n'))
  return decoded.right
}
