// The agreements file (`--agreements`): a calendar or a policy repeated across agreements is
// checked and compiled once and shared, and the file reads exactly as if every agreement were
// decoded on its own (`Sla.decodeAgreement`), the same values and the same problems at the same
// paths.
import * as E from 'fp-ts/lib/Either.js'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Calendar, Sla } from '../../src/index.js'
import { decodeAgreementsFile } from '../../src/cli/agreements.js'
import { issuesOf, located, type JsonFile } from '../../src/cli/json.js'

const file = (value: unknown): JsonFile => ({ file: 'agreements.json', value, lines: () => new Map() })

const oslo = Calendar.encodeCalendarSpec(
  Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
)
const stockholm = Calendar.encodeCalendarSpec(
  Calendar.weekdays({ zone: 'Europe/Stockholm', opens: '07:00', closes: '17:00', holidays: Calendar.publicHolidays.SE })
)
const badCalendar = { ...oslo, zone: 'Europe/Atlantis' }
const standard = Sla.encodePolicy(Sla.examplePolicy)
const strict = { ...standard, name: 'Strict', warnings: [0.5, 0.9] }
const badPolicy = { ...standard, warnings: [2] }
const calendars = [oslo, stockholm, badCalendar] as const
const policies = [standard, strict, badPolicy, 'no policy'] as const

interface Entry {
  readonly customer: string | number | undefined
  readonly calendar: number
  readonly policy: number
}
const entryOf = (e: Entry): unknown => ({
  ...(e.customer === undefined ? {} : { customer: e.customer }),
  calendar: calendars[e.calendar],
  policy: policies[e.policy]
})

/** The file read agreement by agreement, nothing shared: what `decodeAgreementsFile` must give. */
const oneByOne = (list: ReadonlyArray<unknown>) => {
  const json = file({ agreements: list })
  const problems: string[] = []
  const out: Sla.Agreement[] = []
  const seen = new Map<string, number>()
  list.forEach((entry, i) => {
    const customer = (entry as { customer?: unknown }).customer
    const before = typeof customer === 'string' ? seen.get(customer) : undefined
    if (before !== undefined)
      problems.push(
        `agreements.json:1: agreements[${i}].customer: expected a customer not listed before, received the customer of agreements[${before}]`
      )
    else if (typeof customer === 'string') seen.set(customer, i)
    const d = Sla.decodeAgreement(entry)
    if (E.isLeft(d)) {
      // the file's own wording of a library error (its line lookup and path prefix)
      problems.push(...located(json, issuesOf(d.left), `agreements[${i}]`))
    } else if (d.right.customer === undefined)
      problems.push(`agreements.json:1: agreements[${i}].customer: expected a customer id, received nothing`)
    else out.push(d.right)
  })
  return problems.length > 0 ? E.left(problems) : E.right(out)
}

/** An agreement as plain data: its policy, its calendar's spec, its names. */
const plain = (a: Sla.Agreement) => ({
  customer: a.customer,
  service: a.service,
  policy: a.policy,
  calendar: a.calendar.spec
})

describe('decodeAgreementsFile', () => {
  it('shares one policy and one calendar among the agreements that repeat them', () => {
    const list = ['A', 'B', 'C'].map((customer) => ({ customer, calendar: oslo, policy: standard }))
    const read = decodeAgreementsFile(file({ agreements: list }))
    if (E.isLeft(read)) throw new Error(read.left.join('\n'))
    const [a, b, c] = read.right as [Sla.Agreement, Sla.Agreement, Sla.Agreement]
    expect(b.policy).toBe(a.policy)
    expect(c.policy).toBe(a.policy)
    expect(b.calendar).toBe(a.calendar)
    expect(read.right.map((x) => x.customer)).toEqual(['A', 'B', 'C'])
    // and each is the agreement decoded on its own
    const alone = Sla.decodeAgreement(list[2])
    if (E.isLeft(alone)) throw new Error(alone.left.message)
    expect(plain(c)).toEqual(plain(alone.right))
  })

  it('reports a repeated broken policy at every agreement that has it', () => {
    const list = ['A', 'B'].map((customer) => ({ customer, calendar: oslo, policy: badPolicy }))
    const read = decodeAgreementsFile(file({ agreements: list }))
    expect(E.isLeft(read)).toBe(true)
    const problems = E.isLeft(read) ? read.left : []
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^agreements\.json:1: agreements\[0\]\.policy\.warnings\[0\]: /)
    expect(problems[1]).toMatch(/^agreements\.json:1: agreements\[1\]\.policy\.warnings\[0\]: /)
    expect(read).toEqual(oneByOne(list))
  })

  it('reads any list as decoding each agreement on its own would', () => {
    const stats = { runs: 0, sharedPolicy: 0, sharedCalendar: 0, repeatedBad: 0, valid: 0, invalid: 0 }
    const entry = fc.record({
      customer: fc.oneof(
        {
          weight: 16,
          arbitrary: fc.constantFrom(
            'Fjord AS',
            'Vik AS',
            'Sjø AB',
            'Kota Oy',
            'Wisła sp. z o.o.',
            'Lund AB',
            'Oulu Oy'
          )
        },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constant(7) }
      ),
      calendar: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(0, 1) }, { weight: 1, arbitrary: fc.constant(2) }),
      policy: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(0, 1) }, { weight: 1, arbitrary: fc.constantFrom(2, 3) })
    })
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), (entries) => {
        const list = entries.map(entryOf)
        const read = decodeAgreementsFile(file({ agreements: list }))
        const expected = oneByOne(list)
        stats.runs++
        const policiesSeen = entries.map((e) => e.policy)
        if (policiesSeen.some((p, i) => p <= 1 && policiesSeen.indexOf(p) < i)) stats.sharedPolicy++
        if (entries.some((e, i) => e.calendar <= 1 && entries.findIndex((f) => f.calendar === e.calendar) < i))
          stats.sharedCalendar++
        if (policiesSeen.some((p, i) => p >= 2 && policiesSeen.indexOf(p) < i)) stats.repeatedBad++
        if (E.isRight(expected)) stats.valid++
        else stats.invalid++
        expect(E.isLeft(read)).toBe(E.isLeft(expected))
        if (E.isLeft(read) || E.isLeft(expected)) expect(read).toEqual(expected)
        else expect(read.right.map(plain)).toEqual(expected.right.map(plain))
      }),
      { numRuns: 300 }
    )
    // the generator makes the cases the law is about: shared policies and calendars, broken
    // policies repeated, and files that read and files that do not
    console.log(`agreements files: ${JSON.stringify(stats)}`)
    expect(stats.runs).toBe(300)
    expect(stats.sharedPolicy).toBeGreaterThan(100)
    expect(stats.sharedCalendar).toBeGreaterThan(100)
    expect(stats.repeatedBad).toBeGreaterThan(10)
    expect(stats.valid).toBeGreaterThan(30)
    expect(stats.invalid).toBeGreaterThan(30)
  })
})
