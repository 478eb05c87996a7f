// Reading an event log in chunks: whatever way the bytes are cut into chunks (inside a line, a
// CRLF or a multi-byte character), every line is kept under its ticket with its file and line
// number, blank lines are skipped, lines that are not JSON or have no ticket id are problems, and
// the shards of a sharded read partition the tickets. The oracle reads the whole text at once
// with String.split and JSON.parse.
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { keptLines, longLine, MAX_LINE, readLog } from '../../src/cli/log.js'

const idA = fc.oneof(
  fc.constantFrom('INC-1', 'INC-2', 'FJR-10', 'x'),
  fc.constantFrom('Å-1', 'id "quoted"', 'back\\slash', '日本-3', '')
)
type Line = { readonly kind: 'event' | 'blank' | 'broken' | 'no id'; readonly text: string }
const lineA: fc.Arbitrary<Line> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(idA, fc.string({ maxLength: 8, unit: 'grapheme' }), fc.boolean())
      .map(([id, note, idFirst]): Line => ({
        kind: 'event',
        text: JSON.stringify(
          idFirst
            ? { _tag: 'InternalNoteAdded', ticketId: id, note }
            : { note, _tag: 'InternalNoteAdded', ticketId: id }
        )
      }))
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t').map((text): Line => ({ kind: 'blank', text })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('{"ticketId":"INC-1"', 'not json', '{"ticketId":"INC-1",}')
      .map((text): Line => ({ kind: 'broken', text }))
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('{"_tag":"WorkResumed"}', '[1,2]', '{"ticketId":7}')
      .map((text): Line => ({ kind: 'no id', text }))
  }
)
const logA = fc.record({
  lines: fc.array(lineA, { maxLength: 40 }),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  cuts: fc.array(fc.nat(), { maxLength: 12 })
})

/** The bytes of a text cut at the given positions (anywhere, even inside a character). */
const chunked = (bytes: Buffer, cuts: ReadonlyArray<number>): Buffer[] => {
  const at = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)))].sort((a, b) => a - b)
  const out: Buffer[] = []
  let from = 0
  for (const c of [...at, bytes.length]) {
    if (c > from) out.push(bytes.subarray(from, c))
    from = c
  }
  return out
}

describe('reading a log in chunks', () => {
  it('keeps every line under its ticket with its line number, however the bytes are cut', async () => {
    const tally = { logs: 0, chunks: 0, kept: 0, blank: 0, broken: 0, noId: 0, multiChunk: 0 }
    await fc.assert(
      fc.asyncProperty(logA, async ({ lines, crlf, finalNewline, cuts }) => {
        const text =
          lines.map((l) => l.text).join(crlf ? '\r\n' : '\n') + (finalNewline && lines.length > 0 ? '\n' : '')
        const chunks = chunked(Buffer.from(text, 'utf8'), cuts)
        const log = await readLog(['-'], { stdin: Readable.from(chunks) })
        // the oracle: the whole text split at once
        const expected: Array<{ id: string; file: string; line: number; text: string }> = []
        const problems: number[] = []
        text.split('\n').forEach((raw, i) => {
          const t = raw.endsWith('\r') ? raw.slice(0, -1) : raw
          if (t.trim() === '') return
          let v: unknown
          try {
            v = JSON.parse(t)
          } catch {
            // a line with a quick id goes to its ticket and is found unreadable when decoded
            const m = /"ticketId":"([^"\\]*)"/u.exec(t)
            if (m !== null) expected.push({ id: m[1] as string, file: '-', line: i + 1, text: t })
            else problems.push(i + 1)
            return
          }
          const id = typeof v === 'object' && v !== null ? (v as { ticketId?: unknown }).ticketId : undefined
          if (typeof id === 'string') expected.push({ id, file: '-', line: i + 1, text: t })
          else problems.push(i + 1)
        })
        expect(keptLines(log)).toEqual(expected)
        expect([...new Set(log.problems.map((p) => p.line))]).toEqual(problems)
        expect(log.lines).toBe(text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0))
        tally.logs++
        tally.chunks += chunks.length
        if (chunks.length > 1) tally.multiChunk++
        tally.kept += expected.length
        for (const l of lines) {
          if (l.kind === 'blank') tally.blank++
          if (l.kind === 'broken') tally.broken++
          if (l.kind === 'no id') tally.noId++
        }
      }),
      { numRuns: 300, seed: 20261130 }
    )
    console.log(`chunked log reading: ${JSON.stringify(tally)}`)
    expect(tally.multiChunk / tally.logs).toBeGreaterThan(0.5)
    for (const n of [tally.kept, tally.blank, tally.broken, tally.noId]) expect(n).toBeGreaterThan(50)
  })

  it('reads gzip like plain text, across files, numbering lines per file', async () => {
    const a = '{"ticketId":"A","n":1}\n{"ticketId":"B","n":2}\n'
    const log = await readLog(['-'], { stdin: Readable.from([gzipSync(a)]) })
    expect(keptLines(log).map((l) => [l.id, l.line])).toEqual([
      ['A', 1],
      ['B', 2]
    ])
  })

  it('a line longer than the limit is one problem and is not held, however the chunks cut it', async () => {
    const long = Buffer.alloc(MAX_LINE + 10, 0x61)
    const head = Buffer.from('{"ticketId":"A"}\n')
    const tail = Buffer.from('\n{"ticketId":"B"}\n')
    const cuts = [
      // its end alone in a chunk
      [head, ...chunked(long, [1, 2 ** 20, 40 * 2 ** 20]), tail],
      // the limit reached exactly, its last bytes arriving with the end of the line (read whole before)
      [head, long.subarray(0, MAX_LINE), Buffer.concat([long.subarray(MAX_LINE), tail])],
      // wholly inside one chunk
      [Buffer.concat([head, long, tail])]
    ]
    for (const chunks of cuts) {
      const log = await readLog(['-'], { stdin: Readable.from(chunks) })
      expect(keptLines(log).map((l) => [l.id, l.line])).toEqual([
        ['A', 1],
        ['B', 3]
      ])
      expect(log.problems).toEqual([longLine('-', 2)])
    }
  })
})
