import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// scripts/check-layers.mjs run on a copy of the real src/ with one file added: each case adds a
// file that breaks (or keeps) one rule and reads the script's exit code and report.

const repo = join(import.meta.dirname, '..', '..')
const script = join(repo, 'scripts', 'check-layers.mjs')
const made: Array<string> = []

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/** Copies src/ into a fresh directory, adds `files` (path under src/ → text) and runs the check there. */
const check = (files: Readonly<Record<string, string>>): { readonly status: number | null; readonly out: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'itsm-layers-'))
  made.push(dir)
  cpSync(join(repo, 'src'), join(dir, 'src'), { recursive: true })
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, 'src', path), text)
  const run = spawnSync(process.execPath, [script, '--root', 'src'], { cwd: dir, encoding: 'utf8' })
  return { status: run.status, out: run.stdout + run.stderr }
}

describe('scripts/check-layers.mjs', () => {
  it('passes on the real src/', () => {
    // stderr may carry notes on allow-list entries no longer needed; breaches go to stdout
    const run = spawnSync(process.execPath, [script], { cwd: repo, encoding: 'utf8' })
    expect(run.stdout).toBe('')
    expect(run.status).toBe(0)
  })

  it('passes on a copy with a file that keeps every rule', () => {
    const { status, out } = check({
      'sla/fine.ts': [
        "import * as Calendar from '../calendar/index.js'",
        "import type { Ticket } from '../ticket/index.js'",
        "import { describe } from '../internal/describe.js'",
        "import { CalendarSpecJson } from '../calendar/codec.js'",
        'export const f = (t: Ticket): unknown => [Calendar, describe(t), CalendarSpecJson]',
        ''
      ].join('\n')
    })
    expect(out).toBe('')
    expect(status).toBe(0)
  })

  it('fails on a deep import, naming file, line and rule', () => {
    const { status, out } = check({
      'sla/deep.ts': [
        '// a comment that mentions ../ticket/evolve.js is not an import',
        '',
        "import { statusAfter } from '../ticket/evolve.js'",
        'export const f = statusAfter',
        ''
      ].join('\n')
    })
    expect(status).toBe(1)
    expect(out).toContain("src/sla/deep.ts:3: [deep] '../ticket/evolve.js'")
    expect(out).toContain('1 import(s) break the layers')
  })

  it('allows no exception: deep imports of ticket/errors.js, once on the allow-list, fail', () => {
    const { status, out } = check({
      'escalation/again.ts': "import { invalidEvent } from '../ticket/errors.js'\nexport const f = invalidEvent\n",
      'workaround/again.ts': "import type { TicketError } from '../ticket/errors.js'\nexport type E = TicketError\n"
    })
    expect(status).toBe(1)
    expect(out).toContain("src/escalation/again.ts:1: [deep] '../ticket/errors.js'")
    expect(out).toContain("src/workaround/again.ts:1: [deep] '../ticket/errors.js'")
    expect(out).toContain('2 import(s) break the layers')
  })

  it('fails on an upward import, even through an index', () => {
    const { status, out } = check({
      'calendar/up.ts': "import type { Ticket } from '../ticket/index.js'\nexport type T = Ticket\n"
    })
    expect(status).toBe(1)
    expect(out).toContain("src/calendar/up.ts:1: [upward] '../ticket/index.js'")
    expect(out).toContain('1 import(s) break the layers')
  })

  it('reports every other kind of breach, each at its file and line', () => {
    const { status, out } = check({
      // a deep type-only import and a deep import()
      'escalation/deep.ts': [
        "import type { ZoneRules } from '../calendar/compiled.js'",
        "export const f = (z: ZoneRules) => [z, import('../time/format.js')]",
        ''
      ].join('\n'),
      // siblings in one layer
      'calendar/side.ts': "import * as Priority from '../priority/index.js'\nexport const p = Priority\n",
      // the bottom layer importing a concept
      'internal/up.ts': "export { toISO } from '../time/index.js'\n",
      // a concept importing the public codec entry
      'ticket/codecUse.ts': "import type { DecodeError } from '../codec/index.js'\nexport type D = DecodeError\n",
      // a lower concept's codec.js for a codec itsm-kit/codec does not publish
      'sla/wire.ts':
        "import { InstantJson, nonNegativeDuration } from '../time/codec.js'\nexport const w = [InstantJson, nonNegativeDuration]\n",
      // a folder missing from the layer order
      'time/stray.ts': "import { x } from '../stray/index.js'\nexport const y = x\n"
    })
    expect(status).toBe(1)
    expect(out).toContain("src/escalation/deep.ts:1: [deep] '../calendar/compiled.js'")
    expect(out).toContain("src/escalation/deep.ts:2: [deep] '../time/format.js'")
    expect(out).toContain("src/calendar/side.ts:1: [sideways] '../priority/index.js'")
    expect(out).toContain("src/internal/up.ts:1: [upward] '../time/index.js'")
    expect(out).toContain("src/ticket/codecUse.ts:1: [codec] '../codec/index.js'")
    expect(out).toContain("src/sla/wire.ts:1: [deep] '../time/codec.js'")
    expect(out).toContain("src/time/stray.ts:1: [unknown-folder] '../stray/index.js'")
    expect(out).toContain('7 import(s) break the layers')
  })
})
