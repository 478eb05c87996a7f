// The shipped JSON Schemas (scripts/json-schema.mjs, generated from the codecs' types) against
// the io-ts codecs themselves, with a standard validator (ajv, draft 2020-12):
// - every valid value accepts: values from the property-test generators and the library's own
//   constants, encoded by their codec, and every sub-value of those that some codec decodes;
// - mutants (a field removed, a value of another JSON type, an unknown field, a malformed string
//   or number): whatever the codec accepts the schema accepts; of what the codec rejects, the
//   schema rejects every structural mutant, and the rest (ISO syntax, zones, ranges, cross-field
//   rules: checks the schema language cannot or does not state) is counted and printed.
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import type * as t from 'io-ts'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { Calendar, Classification, Escalation, Priority, Sla, Ticket } from '../../src/index.js'
import * as Codec from '../../src/codec/index.js'
import { generateSchemas } from '../../scripts/json-schema.mjs'
import * as calendarArb from '../arbitraries/calendar.js'
import * as classificationArb from '../arbitraries/classification.js'
import * as priorityArb from '../arbitraries/priority.js'
import * as ticketArb from '../arbitraries/ticket.js'
import * as escalationArb from '../escalation/arbitraries.js'
import { categoriesJson, classifierJson } from '../classification/nordicDesk.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const schemas = generateSchemas(root)
const ajv = new Ajv2020({ strict: true, allErrors: false })
const codecs = Object.entries(Codec as Record<string, unknown>).filter(
  (e): e is [string, t.Type<unknown, unknown, unknown>] => typeof (e[1] as { decode?: unknown }).decode === 'function'
)

const sample = <A>(arb: fc.Arbitrary<A>, n = 25): ReadonlyArray<A> => fc.sample(arb, { numRuns: n, seed: 7 })
const json = (u: unknown): unknown => JSON.parse(JSON.stringify(u))

// decoded model values; each codec that `is` one of them encodes it to a wire value
const specs = sample(calendarArb.calendarSpec)
const commands = sample(ticketArb.commandWalk, 15)
const events = commands.map((c) => ticketArb.acceptedEvents(c, Ticket.defaultContext))
const tickets = events.map((e) => Ticket.replay()(e)).flatMap((r) => (E.isRight(r) ? [r.right] : []))
const slaPolicies: ReadonlyArray<Sla.SlaPolicy> = [
  Sla.examplePolicy,
  { ...Sla.examplePolicy, name: 'No warnings', warnings: [] },
  ...sample(escalationArb.tiers, 5).map((tiers) => ({ ...Sla.examplePolicy, name: 'With tier clocks', tiers: Escalation.tierTargets(tiers) }))
]
const models: ReadonlyArray<unknown> = [
  ...specs,
  ...sample(calendarArb.dateRule, 50),
  ...sample(calendarArb.exceptions, 25).flat(),
  Calendar.alwaysOpen,
  Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO }),
  ...Object.values(Calendar.publicHolidays).flat(),
  ...sample(priorityArb.spec),
  ...sample(priorityArb.anyPriority, 25),
  ...sample(classificationArb.kindRulesSpec, 10),
  ...sample(classificationArb.categoryTreeSpec(), 10),
  ...sample(escalationArb.tiers),
  ...sample(escalationArb.policy),
  Escalation.examplePolicy,
  ...slaPolicies,
  ...specs.slice(0, 5).map((calendar, i) => ({ customer: 'Fjord Regnskap AS', calendar, policy: slaPolicies[i % slaPolicies.length] })),
  ...commands.flat(),
  ...events.flat(),
  ...tickets
]
// wire values as users write them
const raw: ReadonlyArray<unknown> = [categoriesJson, classifierJson, Priority.encodeMatrix(Priority.itilDefault), Classification.encodeClassifier]
  .filter((u) => typeof u !== 'function')

const wire: unknown[] = [...raw]
for (const m of models) for (const [, c] of codecs) if (c.is(m)) wire.push(json(c.encode(m)))

// every node of every wire value, deduplicated: candidates for every codec
const nodes = new Map<string, unknown>()
const visit = (u: unknown): void => {
  nodes.set(JSON.stringify(u), u)
  if (Array.isArray(u)) u.forEach(visit)
  else if (typeof u === 'object' && u !== null) Object.values(u).forEach(visit)
}
wire.forEach(visit)

const validFor = new Map<string, unknown[]>()
for (const [name, c] of codecs) validFor.set(name, [...nodes.values()].filter((u) => E.isRight(c.decode(u))))

type Mutant = { readonly kind: 'remove' | 'retype' | 'unknown field' | 'malformed string' | 'malformed number'; readonly value: unknown }
const mutants = (u: unknown): Mutant[] => {
  const out: Mutant[] = []
  const at = (path: ReadonlyArray<string | number>, f: (x: unknown) => unknown): unknown => {
    if (path.length === 0) return f(u)
    const go = (x: unknown, i: number): unknown => {
      const k = path[i] as string | number
      if (Array.isArray(x)) return x.map((y, j) => (j === k ? (i + 1 === path.length ? f(y) : go(y, i + 1)) : y))
      const o = { ...(x as Record<string, unknown>) }
      if (i + 1 === path.length) {
        const v = f(o[k])
        if (v === REMOVE) delete o[k]
        else o[k] = v
      } else o[k] = go(o[k], i + 1)
      return o
    }
    return go(u, 0)
  }
  const walk = (x: unknown, path: ReadonlyArray<string | number>): void => {
    // a JSON type no union of this library mixes with the original's
    const other = typeof x === 'string' || typeof x === 'number' ? true : typeof x === 'boolean' ? 'yes' : Array.isArray(x) ? {} : x === null ? 0 : []
    out.push({ kind: 'retype', value: at(path, () => other) })
    if (typeof x === 'string') out.push({ kind: 'malformed string', value: at(path, (s) => `${String(s)}?x`) })
    if (typeof x === 'number') out.push({ kind: 'malformed number', value: at(path, (n) => (Number.isInteger(n) ? (n as number) + 0.5 : -1e9)) })
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, [...path, i]))
    else if (typeof x === 'object' && x !== null) {
      out.push({ kind: 'unknown field', value: at(path, (o) => ({ ...(o as object), surplus: 1 })) })
      for (const [k, y] of Object.entries(x)) {
        if (path.length > 0 || k !== '_tag') out.push({ kind: 'remove', value: at([...path, k], () => REMOVE) })
        walk(y, [...path, k])
      }
    }
  }
  walk(u, [])
  return out
}
const REMOVE = Symbol('remove')

describe('JSON Schemas of the wire formats', () => {
  it('one schema per codec, each a valid draft 2020-12 schema', () => {
    expect(Object.keys(schemas).sort()).toStrictEqual(codecs.map(([n]) => n).sort())
    for (const [name, schema] of Object.entries(schemas)) expect(() => ajv.compile(schema), name).not.toThrow()
  })

  it('every valid value the codecs decode, the schemas accept', () => {
    const counts: Record<string, number> = {}
    const wrong: string[] = []
    for (const [name] of codecs) {
      const validate = ajv.compile(schemas[name] as object)
      const valid = validFor.get(name) ?? []
      counts[name] = valid.length
      for (const u of valid) if (validate(u) !== true) wrong.push(`${name}: ${JSON.stringify(validate.errors)} for ${JSON.stringify(u).slice(0, 200)}`)
    }
    expect(wrong.slice(0, 20)).toStrictEqual([])
    console.log(`valid values per schema: ${JSON.stringify(counts)}`)
    // every wire format is exercised by generated values (a new codec needs samples above)
    for (const [name, n] of Object.entries(counts)) expect(n, `${name} has no valid sample`).toBeGreaterThanOrEqual(1)
  })

  it('what the codec accepts the schema accepts; what it rejects structurally the schema rejects', () => {
    const tally: Record<string, { codecRejects: number; schemaRejectsToo: number }> = {}
    let total = 0
    const wrong = new Set<string>()
    const stricter = new Set<string>()
    let stricterCount = 0
    for (const [name, c] of codecs) {
      const validate = ajv.compile(schemas[name] as object)
      for (const u of (validFor.get(name) ?? []).slice(0, 12)) {
        for (const m of mutants(u)) {
          const value = json(m.value)
          const codecOk = E.isRight(c.decode(value))
          const schemaOk = validate(value) === true
          total++
          if (codecOk) {
            if (!schemaOk && m.kind === 'unknown field' && validate.errors?.[0]?.keyword === 'additionalProperties') {
              // deliberate: the schema flags a field the codec lets through unchecked (t.partial)
              stricter.add(`${name}${validate.errors[0].instancePath}`)
              stricterCount++
            } else if (!schemaOk) wrong.add(`${name} ${m.kind}: the codec accepts it, the schema says ${JSON.stringify(validate.errors)}`)
            continue
          }
          const row = (tally[m.kind] ??= { codecRejects: 0, schemaRejectsToo: 0 })
          row.codecRejects++
          if (!schemaOk) row.schemaRejectsToo++
          if (m.kind === 'remove' || m.kind === 'retype' || m.kind === 'unknown field')
            if (schemaOk) wrong.add(`${name} ${m.kind}: the codec rejects ${JSON.stringify(value).slice(0, 200)}, the schema accepts it`)
        }
      }
    }
    expect([...wrong].slice(0, 30)).toStrictEqual([])
    console.log(`${stricterCount} mutants with an unknown field the codec lets through and the schema rejects, at ${[...new Set([...stricter].map((p) => p.replace(/\/\d+/g, '/#')))].join(', ')}`)
    console.log(`${total} mutants; rejected by the codec, and by the schema too, per kind: ${JSON.stringify(tally)}`)
    expect(total).toBeGreaterThan(1000)
    expect(tally['malformed string']?.codecRejects ?? 0).toBeGreaterThan(0)
  })
})
