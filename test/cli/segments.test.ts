// Reading a log over several threads (`report --jobs N`): the files cut into segments at any
// byte, the segments taken by the threads in any order, each line sent to the shard of its
// ticket. Whatever the cuts and the order, the shards' logs together hold exactly the lines one
// thread reads (readLog, itself tested against String.split in log.test.ts), each in one shard,
// with the same ticket, file and line number, in the order of the files; shard 0 alone reports
// the lines without a ticket. The threads are played here in one, taking turns by a schedule.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { keptLines, MAX_LINE, readLog, shardOf } from '../../src/cli/log.js'
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
      .tuple(idA, fc.string({ maxLength: 12, unit: 'grapheme' }), fc.boolean())
      .map(([id, note, idFirst]) => ({
        kind: 'event' as const,
        text: JSON.stringify(
          idFirst
            ? { _tag: 'InternalNoteAdded', ticketId: id, note }
            : { note, _tag: 'InternalNoteAdded', ticketId: id }
        )
      }))
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\r').map((text) => ({ kind: 'blank' as const, text })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('{"ticketId":"INC-1"', 'not json', '{"ticketId":"INC-1",}')
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

/** Orders lines by file (in the order given), then line. */
const byPlace =
  (files: ReadonlyArray<string>) => (a: { file: string; line: number }, b: { file: string; line: number }) =>
    files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line

describe('reading a log over several threads', () => {
  it('the shards hold exactly the lines one thread reads, by ticket, whatever the segments and their order', async () => {
    const tally = { runs: 0, segments: 0, manyReaders: 0, kept: 0, problems: 0, files: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ lines: fc.array(lineA, { maxLength: 30 }), crlf: fc.boolean(), end: fc.boolean() }), {
          minLength: 1,
          maxLength: 3
        }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 90 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        async (texts, shards, size, schedule) => {
          const files = texts.map((t) => fileOf(Buffer.from(textOf(t.lines, t.crlf, t.end), 'utf8')))
          const whole = await readLog(files)
          const { logs, segments, readers } = await readShared(files, shards, size, schedule)
          logs.forEach((log, shard) => {
            expect(log.lines).toBe(whole.lines)
            // each line in its ticket's shard (shardOf, or shard 0 without an id)
            for (const l of keptLines(log)) expect(shardOf(l.id, shards)).toBe(shard)
            if (shard > 0) expect(log.problems).toEqual([])
          })
          // together, the same lines; each shard in the order of the files
          for (const log of logs) {
            const lines = keptLines(log)
            expect(lines).toEqual([...lines].sort(byPlace(files)))
          }
          expect(logs.flatMap(keptLines).sort(byPlace(files))).toEqual(keptLines(whole))
          expect(logs[0]?.problems).toEqual(whole.problems)
          tally.runs++
          tally.segments += segments
          if (readers > 1) tally.manyReaders++
          tally.kept += whole.kept
          tally.problems += whole.problems.length
          tally.files += files.length
        }
      ),
      { numRuns: 250, seed: 20261130 }
    )
    console.log(`segmented reading: ${JSON.stringify(tally)}`)
    expect(tally.segments / tally.runs).toBeGreaterThan(4)
    expect(tally.manyReaders / tally.runs).toBeGreaterThan(0.3)
    for (const n of [tally.kept, tally.problems]) expect(n).toBeGreaterThan(100)
  })

  it('reads a gzip file whole, as one segment, and numbers lines per file', async () => {
    const a = fileOf(gzipSync('{"ticketId":"A","n":1}\n{"ticketId":"B","n":2}\n'))
    const b = fileOf(Buffer.from('{"ticketId":"A","n":3}\n'))
    expect(planSegments([a, b], 4).filter((s) => s.gzip)).toHaveLength(1)
    const { logs } = await readShared([a, b], 2, 4, [0, 1])
    expect(logs.flatMap(keptLines).map((l) => [l.id, l.file === a ? 'a' : 'b', l.line])).toEqual(
      expect.arrayContaining([
        ['A', 'a', 1],
        ['B', 'a', 2],
        ['A', 'b', 1]
      ])
    )
  })

  it('a line longer than the limit is one problem of shard 0, wherever the segments cut it', async () => {
    const long = Buffer.alloc(MAX_LINE + 10, 0x61)
    const file = fileOf(Buffer.concat([Buffer.from('{"ticketId":"A"}\n'), long, Buffer.from('\n{"ticketId":"B"}\n')]))
    const { logs } = await readShared([file], 2, 16 * 2 ** 20, [1, 0])
    expect(logs.flatMap(keptLines).map((l) => [l.id, l.line])).toEqual(
      expect.arrayContaining([
        ['A', 1],
        ['B', 3]
      ])
    )
    expect(logs.flatMap(keptLines)).toHaveLength(2)
    expect(logs.map((l) => l.problems.map((p) => [p.line, p.rule]))).toEqual([[[2, 'json']], []])
  })
})
