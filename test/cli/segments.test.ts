// Reading a log over several threads (`report --jobs N`): the files cut into segments at any
// byte, the segments taken by the threads in any order, each thread keeping the lines it reads
// in a log of its own. Whatever the cuts and the order, the tickets across the threads' logs are
// exactly the tickets one thread reads (readLog, itself tested against String.split in
// log.test.ts): the same events with the same files and line numbers, in the same order, and the
// same problems at the same places. The threads are played here in one, taking turns by a schedule.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { longLine, MAX_LINE, readLog, ticketsOf, type Decoded, type Problem, type Tickets } from '../../src/cli/log.js'
import { planSegments } from '../../src/cli/segments.js'
import { readShared } from '../helpers/shards.js'

const dir = mkdtempSync(join(tmpdir(), 'itsm-segments-'))
let written = 0
const fileOf = (bytes: Buffer): string => {
  const file = join(dir, `log-${written++}.ndjson`)
  writeFileSync(file, bytes)
  return file
}

const idA = fc.constantFrom('INC-1', 'INC-2', 'FJR-10', 'x', 'Å-1', 'id "quoted"', 'back\\slash', '日本-3', '')
type Kind = 'event' | 'blank' | 'broken' | 'no id'
const lineA: fc.Arbitrary<{ readonly kind: Kind; readonly text: string }> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(idA, fc.integer({ min: 1, max: 4 }), fc.string({ maxLength: 12, unit: 'grapheme' }), fc.boolean())
      .map(([id, seq, note, idFirst]) => {
        const rest = { seq, at: '2026-03-02T08:00:00.000Z', actor: { role: 'agent', id: 'kari' }, note }
        return {
          kind: 'event' as const,
          text: JSON.stringify(
            idFirst
              ? { _tag: 'InternalNoteAdded', ticketId: id, ...rest }
              : { ...rest, _tag: 'InternalNoteAdded', ticketId: id }
          )
        }
      })
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\r').map((text) => ({ kind: 'blank' as const, text })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('{"ticketId":"INC-1"', 'not json', '{"ticketId":"INC-1",}', '{"ticketId":"INC-2","seq":1}')
      .map((text) => ({ kind: 'broken' as const, text }))
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('{"_tag":"WorkResumed"}', '[1,2]', '{"ticketId":7}')
      .map((text) => ({ kind: 'no id' as const, text }))
  }
)
const textOf = (lines: ReadonlyArray<{ readonly text: string }>, crlf: boolean, finalNewline: boolean) =>
  lines.map((l) => l.text).join(crlf ? '\r\n' : '\n') + (finalNewline && lines.length > 0 ? '\n' : '')

const byPlace = (files: ReadonlyArray<string>) => (a: Problem, b: Problem) =>
  files.indexOf(a.file) - files.indexOf(b.file) ||
  a.line - b.line ||
  (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)

/** Every ticket of `tickets` decoded, by id, and the problems met on the way. */
const decodeAll = (tickets: Tickets) => {
  const problems: Problem[] = []
  const decoded: Decoded[] = []
  for (let k = 0; k < tickets.count; k++) {
    const d = tickets.decode(k, problems)
    if (d !== undefined) decoded.push(d)
  }
  return { decoded: decoded.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), problems }
}

describe('reading a log over several threads', () => {
  it('the tickets across the threads’ logs are one thread’s, whatever the segments and their order', async () => {
    const tally = { runs: 0, segments: 0, manyReaders: 0, events: 0, outOfOrder: 0, split: 0, problems: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ lines: fc.array(lineA, { maxLength: 30 }), crlf: fc.boolean(), end: fc.boolean() }), {
          minLength: 1,
          maxLength: 3
        }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 90 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        async (texts, threads, size, schedule) => {
          const files = texts.map((t) => fileOf(Buffer.from(textOf(t.lines, t.crlf, t.end), 'utf8')))
          const whole = await readLog(files)
          const one = decodeAll(ticketsOf(whole, false))
          const { results, places, tickets, segments, readers } = await readShared(files, threads, size, schedule)
          const across = decodeAll(tickets)
          expect(places.lines).toBe(whole.lines)
          // the same histories: the same events, files and lines, in the same order
          expect(across.decoded).toEqual(one.decoded)
          // the same problems: of the lines without a ticket (each thread's own), of the lines too
          // long (none here), and of the tickets' lines
          const lineProblems = results.flatMap((r) => r.log.problems.map(places.relocate))
          expect([...lineProblems, ...places.long].sort(byPlace(files))).toEqual(
            [...whole.problems].sort(byPlace(files))
          )
          expect(across.problems.sort(byPlace(files))).toEqual(one.problems.sort(byPlace(files)))
          // a ticket read by several threads is one ticket
          const ids = results.map((r) => new Set(r.log.ids))
          tally.runs++
          tally.segments += segments
          if (readers > 1) tally.manyReaders++
          for (const d of one.decoded) {
            tally.events += d.events.length
            if (d.where.some((w, i) => i > 0 && w < (d.where[i - 1] as number))) tally.outOfOrder++
            if (ids.filter((s) => s.has(d.id)).length > 1) tally.split++
          }
          tally.problems += whole.problems.length + one.problems.length
        }
      ),
      { numRuns: 250, seed: 20261130 }
    )
    console.log(`segmented reading: ${JSON.stringify(tally)}`)
    expect(tally.segments / tally.runs).toBeGreaterThan(4)
    expect(tally.manyReaders / tally.runs).toBeGreaterThan(0.3)
    // histories whose lines fell to several threads, and histories put in order by seq, are common
    expect(tally.split).toBeGreaterThan(100)
    expect(tally.outOfOrder).toBeGreaterThan(50)
    for (const n of [tally.events, tally.problems]) expect(n).toBeGreaterThan(100)
  })

  it('reads a gzip file whole, as one segment, and numbers lines per file', async () => {
    const event = (id: string, seq: number) =>
      JSON.stringify({
        _tag: 'InternalNoteAdded',
        ticketId: id,
        seq,
        at: '2026-03-02T08:00:00.000Z',
        actor: { role: 'agent', id: 'kari' },
        note: 'n'
      })
    const a = fileOf(gzipSync(`${event('A', 1)}\n${event('B', 1)}\n`))
    const b = fileOf(Buffer.from(`${event('A', 2)}\n`))
    expect(planSegments([a, b], 4).filter((s) => s.gzip)).toHaveLength(1)
    const { tickets } = await readShared([a, b], 2, 4, [1, 0])
    const { decoded } = decodeAll(tickets)
    expect(decoded.map((d) => [d.id, d.where])).toEqual([
      ['A', [0 * 2 ** 32 + 1, 1 * 2 ** 32 + 1]],
      ['B', [0 * 2 ** 32 + 2]]
    ])
  })

  it('a line longer than the limit is one problem, wherever the segments cut it', async () => {
    const long = Buffer.alloc(MAX_LINE + 10, 0x61)
    const file = fileOf(Buffer.concat([Buffer.from('{"ticketId":"A"}\n'), long, Buffer.from('\n{"ticketId":"B"}\n')]))
    const { results, places } = await readShared([file], 2, 16 * 2 ** 20, [1, 0])
    expect(results.reduce((n, r) => n + r.log.kept, 0)).toBe(2)
    expect(places.long).toEqual([longLine(file, 2)])
    expect(results.flatMap((r) => r.log.problems)).toEqual([])
    expect(places.lines).toBe(3)
  })
})
