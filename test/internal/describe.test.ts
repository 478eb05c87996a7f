import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Calendar, Ticket } from '../../src/index.js'
import { describe as describeValue, describeFree } from '../../src/internal/describe.js'

// Messages are read in logs: a value must not forge a line, hide text behind bidi controls,
// blow a message up, or leak ticket content.

const kari = { role: 'agent', id: 'kari' }
const event = { _tag: 'WorkResumed', ticketId: 'INC-1', seq: 2, at: '2025-03-07T09:00:00Z', actor: kari }
const message = (r: E.Either<{ readonly message: string }, unknown>): string =>
  E.isLeft(r) ? r.left.message : 'a Right'

describe('received values in messages', () => {
  it('short strings are quoted with control and bidi characters as \\uXXXX', () => {
    expect(describeValue('a\nb')).toBe('"a\\u000ab"')
    expect(describeValue('\u202egnp.exe')).toBe('"\\u202egnp.exe"')
    expect(describeValue('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"')
    expect(describeValue('\ud800x')).toBe('"\\ud800x"')
    expect(describeValue('😀')).toBe('"😀"')
  })

  it('a string over 60 characters is given by its length; free text always is', () => {
    expect(describeValue('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`)
    expect(describeValue('x'.repeat(61))).toBe('a string of 61 characters')
    expect(describeFree('secret')).toBe('a string of 6 characters')
    expect(describeFree('')).toBe('a string of 0 characters')
    expect(describeFree(' ')).toBe('a string of 1 character')
    expect(describeFree(42)).toBe('42')
  })

  const risky = fc.string({
    unit: fc.oneof(
      fc.constantFrom(
        '\n',
        '\r',
        '\u0000',
        '\u0085',
        '\u2028',
        '\u202e',
        '\u2066',
        '\u200f',
        '\ud800',
        '\udc00',
        '"',
        '\\'
      ),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })
    ),
    maxLength: 80
  })

  it('whatever the string, a described value is one line of at most 6 × 60 + 2 characters', () => {
    fc.assert(
      fc.property(risky, (s) => {
        const d = describeValue(s)
        // eslint-disable-next-line no-control-regex -- control characters are what it looks for
        expect(d).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/)
        expect(d.length).toBeLessThanOrEqual(6 * 60 + 2)
      }),
      { numRuns: 300 }
    )
  })

  it('the strings tried are mostly risky and often short enough to be quoted', () => {
    const sample = fc.sample(risky, { numRuns: 300, seed: 5 })
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    expect(sample.filter((s) => /[\n\u202e\u2066\u0000\u2028]/.test(s)).length).toBeGreaterThan(150)
    expect(sample.filter((s) => s.length > 0 && s.length <= 60).length).toBeGreaterThan(100)
  })

  it('other values by what they are, never by their content', () => {
    expect(
      [
        null,
        undefined,
        Number.NaN,
        -0,
        Infinity,
        true,
        10n,
        [1, 2],
        {},
        () => 1,
        Symbol('s'),
        new Date(Number.NaN)
      ].map(describeValue)
    ).toStrictEqual([
      'null',
      'nothing',
      'NaN',
      '-0',
      'Infinity',
      'true',
      'the bigint 10',
      'an array of 2 items',
      'an object',
      'a function',
      'a symbol',
      'an invalid Date'
    ])
  })
})

describe('property names and ticket ids in messages', () => {
  it('an unknown property with a newline in its name cannot forge a second log line', () => {
    const m = message(Ticket.decodeEvent({ ...event, 'x\nERROR forged': 1 }))
    expect(m.split('\n')).toStrictEqual([
      '"x\\u000aERROR forged": expected no property "x\\u000aERROR forged" here (known: _tag, ticketId, seq, at, actor), received 1'
    ])
  })

  it('the text under a misspelt property name is given by its length, never quoted', () => {
    const m = message(Ticket.decodeEvent({ ...event, titel: 'pw hunter2' }))
    expect(m).toBe(
      'titel: expected no property "titel" here (known: _tag, ticketId, seq, at, actor), received a string of 10 characters'
    )
  })

  it('a 10 000-character property name is cut at 60 characters', () => {
    const m = message(Ticket.decodeEvent({ ...event, ['k'.repeat(10_000)]: 1 }))
    expect(m.length).toBeLessThan(300)
    expect(m).toContain(`"${'k'.repeat(60)}…" (10000 characters)`)
  })

  it('bidi controls in a property name are written out', () => {
    const m = message(Calendar.decodeCalendarSpec({ zone: 'UTC', weekly: {}, ['\u202eevil']: 1 }))
    expect(m).toContain('"\\u202eevil"')
    expect(m).not.toContain('\u202e')
  })

  it('a ticket id with a newline is escaped in every ticket error', () => {
    const opened = {
      _tag: 'TicketOpened',
      ticketId: 'INC-1',
      seq: 1,
      at: Date.UTC(2025, 2, 7),
      actor: kari,
      channel: 'phone',
      customer: 'ACME',
      requester: 'ola',
      title: 'VPN',
      tier: 'L1'
    }
    const other = { _tag: 'WorkResumed', ticketId: 'INC-2\nFORGED', seq: 2, at: Date.UTC(2025, 2, 7), actor: kari }
    const r = Ticket.replay()([opened, other] as never)
    expect(message(r)).toBe(
      '[1].ticketId: expected a ticket id of 1 to 100 printable characters, received "INC-2\\u000aFORGED"'
    )
    expect(message(r)).not.toContain('\n')
  })

  it('a message lists at most 50 problems, then counts the rest', () => {
    const many = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`extra${i}`, i]))
    const m = message(Ticket.decodeEvent({ ...event, ...many }))
    const lines = m.split('\n')
    expect(lines.length).toBe(51)
    expect(lines[50]).toBe('… and 70 more problems')
  })
})
