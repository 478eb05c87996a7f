// The itsm-kit command line, run as a user runs it: the built bin in a child process, on the
// files under test/fixtures/cli/. The bin is built once (scripts/build-cli.mjs, as `npm run build` builds it).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
const outDir = join(root, 'tmp/cli-test-bin')
const bin = join(outDir, 'cli/main.js')
const F = (name: string) => join('test/fixtures/cli', name)

interface Run {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}
/** Runs the bin directly (through its #! line), as a shell would. */
const cli = (args: ReadonlyArray<string>, input?: string | Buffer, env: Record<string, string> = {}): Run => {
  const r = spawnSync(bin, args, {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...env },
    timeout: 60_000
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--outdir', outDir], {
    cwd: root,
    stdio: 'pipe'
  })
}, 120_000)

describe('the bin', () => {
  it('is an executable file starting with #!/usr/bin/env node', () => {
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node')
    expect(statSync(bin).mode & 0o111).not.toBe(0)
  })

  it('has a help with real examples for every command, exit status 0', () => {
    for (const command of ['due', 'between', 'holidays', 'check', 'replay', 'sla', 'status', 'report', 'demo']) {
      const r = cli([command, '--help'])
      expect(r.status, command).toBe(0)
      expect(r.stdout, command).toContain('Usage: itsm-kit ' + command)
      expect(r.stdout, command).toMatch(new RegExp(`Examples?:\\n  itsm-kit ${command} `))
    }
  })

  it('exits 2 on usage errors: no command, an unknown command, an unknown option, a bad value', () => {
    expect(cli([]).status).toBe(2)
    const unknown = cli(['frobnicate'])
    expect([unknown.status, unknown.stderr]).toEqual([
      2,
      'itsm-kit: unknown command "frobnicate" (commands: due, between, holidays, check, replay, sla, status, report, demo)\n'
    ])
    const option = cli(['due', '--bogus'])
    expect(option.status).toBe(2)
    expect(option.stderr).toContain("Unknown option '--bogus'")
    const zone = cli(['due', '--zone', 'Europe/Atlantis', '--from', '2026-03-02T09:00', '--duration', '1h'])
    expect([zone.status, zone.stderr]).toEqual([
      2,
      'error: --zone: expected an IANA time zone such as Europe/Oslo, received "Europe/Atlantis"\n'
    ])
  })
})

describe('due and between', () => {
  it('4 business hours from Friday 15:30 in Oslo (08–16) end on Monday 11:30', () => {
    const r = cli([
      'due',
      '--zone',
      'Europe/Oslo',
      '--hours',
      '08:00-16:00',
      '--holidays',
      'NO',
      '--from',
      '2025-03-07T15:30',
      '--duration',
      '4h',
      '--explain'
    ])
    expect(r.status).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe(
      '2025-03-10T11:30:00+01:00  (4 h of business time from 2025-03-07T15:30:00+01:00, Europe/Oslo)'
    )
    // the counted intervals: 30 min on Friday, 3 h 30 min on Monday
    expect(lines.slice(2, 5).map((l) => l.split(/\s{2,}/u))).toEqual([
      ['from', 'to', 'counted', 'total'],
      ['2025-03-07T15:30:00+01:00', '2025-03-07T16:00:00+01:00', '30 min', '30 min'],
      ['2025-03-10T08:00:00+01:00', '2025-03-10T11:30:00+01:00', '3 h 30 min', '4 h']
    ])
  })

  it('reads a calendar file and answers in JSON', () => {
    const r = cli([
      'due',
      '--calendar',
      F('calendar-oslo.json'),
      '--from',
      '2026-04-01T14:00:00+02:00',
      '--duration',
      'PT8H',
      '--json'
    ])
    // Easter 2026 in Norway: Thursday 2, Friday 3 and Monday 6 April are closed
    expect(JSON.parse(r.stdout)).toEqual({
      from: '2026-04-01T14:00:00+02:00',
      duration: 'PT8H',
      due: '2026-04-07T14:00:00+02:00',
      zone: 'Europe/Oslo'
    })
  })

  it('between counts business time only, across the Easter holidays', () => {
    const r = cli([
      'between',
      '--zone',
      'Europe/Oslo',
      '--holidays',
      'NO',
      '--from',
      '2026-04-01T15:00',
      '--to',
      '2026-04-07T09:00',
      '--json'
    ])
    expect(JSON.parse(r.stdout)).toMatchObject({ businessTime: 'PT2H', milliseconds: 7_200_000 })
  })

  it('a broken calendar file: exit 1, the file, line and path of the field', () => {
    const r = cli(['due', '--calendar', F('calendar-bad.json'), '--from', '2026-04-01T14:00', '--duration', '1h'])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('test/fixtures/cli/calendar-bad.json:5: weekly.tue[0].closes: expected a local time')
  })
})

describe('holidays', () => {
  it('lists a country’s public holidays as a table and JSON', () => {
    const table = cli(['holidays', 'NO', '2026'])
    expect(table.stdout).toMatch(/^2026-05-17 {2}Sun {2}Grunnlovsdagen$/mu)
    const json = JSON.parse(cli(['holidays', 'NO', '2026', '--format', 'json']).stdout) as Array<{ date: string }>
    expect(json.map((d) => d.date)).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-17',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26'
    ])
  })

  it('writes an iCalendar file: CRLF lines, one all-day VEVENT per holiday', () => {
    const ics = cli(['holidays', 'SE', '2026', '--to', '2027', '--format', 'ics']).stdout
    const se2026 = JSON.parse(cli(['holidays', 'SE', '2026', '--format', 'json']).stdout) as unknown[]
    const se2027 = JSON.parse(cli(['holidays', 'SE', '2027', '--format', 'json']).stdout) as unknown[]
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT').length).toBe(se2026.length + se2027.length)
    // Midsummer Eve 2026 is Friday 19 June: all day, ending the next day
    expect(ics).toContain('DTSTART;VALUE=DATE:20260619\r\nDTEND;VALUE=DATE:20260620\r\n')
    expect(ics.replace(/\r\n/gu, '').includes('\n')).toBe(false)
  })

  it('--calendar lists a spec’s closed days, exceptions included', () => {
    const r = cli(['holidays', '--calendar', F('calendar-exceptions.json'), '--year', '2026', '--format', 'json'])
    expect(JSON.parse(r.stdout)).toEqual([
      { date: '2026-05-17', name: 'Grunnlovsdagen', kind: 'holiday' },
      { date: '2026-12-23', name: 'open 08:00-12:00', kind: 'open 08:00-12:00 (exception)' },
      { date: '2026-12-24', name: 'Christmas Eve', kind: 'closed (exception)' }
    ])
  })
})

describe('check', () => {
  it('passes good files with exit status 0', () => {
    const r = cli(['check', F('agreements.json'), F('calendar-oslo.json'), F('calendar-exceptions.json')])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(
      `ok  ${F('agreements.json')} (agreements)\nok  ${F('calendar-oslo.json')} (calendar)\nok  ${F('calendar-exceptions.json')} (calendar)\n`
    )
  })

  it('recognises a priority matrix and classification rules; --kind forces a kind', () => {
    const r = cli(['check', F('matrix.json'), F('classifier-bad.json')])
    expect(r.status).toBe(1)
    expect(r.stdout.split('\n')).toEqual([
      `ok  ${F('matrix.json')} (matrix)`,
      `FAIL  ${F('classifier-bad.json')} (classifier): 1 problem`,
      `  ${F('classifier-bad.json')}:5: rules[1].when.channels[0]: expected one of "phone" | "chat" | "email" | "portal" | "monitoring", received "fax"`,
      ''
    ])
    const forced = cli(['check', '--kind', 'policy', F('matrix.json')])
    expect(forced.status).toBe(1)
    expect(forced.stdout).toContain(`${F('matrix.json')}:1: _tag: expected "SlaPolicy", received nothing`)
  })

  it('lists every problem with file, line and JSON path, exit status 1', () => {
    const r = cli(['check', F('agreements-bad.json'), F('calendar-bad.json')])
    expect(r.status).toBe(1)
    const problems = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('  '))
      .map((l) => l.trim().split(': expected')[0])
    expect(problems).toEqual([
      `${F('agreements-bad.json')}:6: agreements[0].calendar.zone`,
      `${F('agreements-bad.json')}:17: agreements[2].customer`,
      `${F('agreements-bad.json')}:19: agreements[2].policy.warnings[0]`,
      `${F('calendar-bad.json')}:5: weekly.tue[0].closes`
    ])
  })
})

describe('replay', () => {
  it('a good log: summary, exit status 0; gzip and standard input read the same', () => {
    const plain = cli(['replay', F('events.ndjson')])
    expect(plain.status).toBe(0)
    expect(plain.stdout).toContain(
      'Replayed 1 file: 12 lines, 12 events, 4 tickets\n  valid histories     4 (InProgress 1, New 2, Resolved 1)\n'
    )
    expect(cli(['replay', F('events.ndjson.gz')]).stdout).toBe(plain.stdout)
    expect(cli(['replay'], readFileSync(join(root, F('events.ndjson.gz')))).stdout).toBe(plain.stdout)
  })

  it('a log with broken lines: file, line, ticket, event index and rule of each problem; free text never printed', () => {
    const r = cli(['replay', F('broken.ndjson'), '--agreements', F('agreements.json')])
    expect(r.status).toBe(1)
    const problems = r.stdout.split('\n').filter((l) => l.startsWith(F('broken.ndjson')))
    expect(problems.map((l) => l.split(': ').slice(0, 3).join(': '))).toEqual([
      `${F('broken.ndjson')}:3: json: not valid JSON (a line of 46 characters)`,
      `${F('broken.ndjson')}:5: ticket FJR-9, event 1, decode: at`,
      `${F('broken.ndjson')}:5: ticket FJR-9, event 1, decode: title`,
      `${F('broken.ndjson')}:17: ticket BAD-1, event 3, ImpossibleEvent: ticket BAD-1, event 3 (TicketOpened at 2026-03-03T09:00:00Z)`,
      `${F('broken.ndjson')}:18: ticket NOB-1, event 1, UnknownCustomer: customer`
    ])
    expect(r.stdout).toContain(
      '  valid histories     4 (InProgress 1, New 2, Resolved 1)\n  impossible          1\n  unknown customer    1\n  unreadable lines    2\n'
    )
    expect(r.stdout).toContain('title: expected a text of at most 100 000 characters, received an object')
    expect(r.stdout + r.stderr).not.toContain('SECRET')
    const json = JSON.parse(cli(['replay', F('broken.ndjson'), '--format', 'json']).stdout) as {
      summary: Record<string, unknown>
    }
    expect(json.summary).toMatchObject({
      lines: 19,
      events: 17,
      tickets: 6,
      valid: 5,
      impossible: 1,
      unreadableLines: 2
    })
  })

  it('a damaged gzip file stops the run like an unreadable one: exit status 1, the file named, no partial result', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itsm-kit-gzip-'))
    const cut = join(dir, 'cut.ndjson.gz')
    const whole = readFileSync(join(root, F('events.ndjson.gz')))
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)))
    for (const args of [
      ['replay', F('events.ndjson'), cut],
      ['report', F('events.ndjson'), cut, '--agreements', F('agreements.json'), '--period', '2026-03'],
      ['report', F('events.ndjson'), cut, '--agreements', F('agreements.json'), '--period', '2026-03', '--jobs', '2']
    ])
      expect([args[0], cli(args)]).toEqual([
        args[0],
        { status: 1, stdout: '', stderr: `error: ${cut}: not a valid gzip file\n` }
      ])
    expect(cli(['replay'], readFileSync(cut))).toEqual({
      status: 1,
      stdout: '',
      stderr: 'error: -: not a valid gzip file\n'
    })
  })

  it('a missing file: exit status 1 with the file named', () => {
    const r = cli(['replay', 'no-such-file.ndjson'])
    expect([r.status, r.stderr]).toEqual([
      1,
      'error: no-such-file.ndjson: cannot be read (no such file, or no permission)\n'
    ])
  })
})

describe('sla', () => {
  const at = ['--at', '2026-03-09T10:00:00+01:00']
  it('every open clock at --at, soonest to run out first (due times worked by hand)', () => {
    const r = cli(['sla', F('events.ndjson.gz'), '--agreements', F('agreements.json'), ...at, '--format', 'json'])
    expect(r.status).toBe(0)
    const clocks = (JSON.parse(r.stdout) as { clocks: Array<Record<string, unknown>> }).clocks
    expect(clocks.map((c) => `${c.ticket} ${c.metric} ${c.due}`)).toEqual([
      // P1 from Friday 15:00 (Oslo, 08–16): update 1 h after the 15:10 reply = 50 min Friday + 10 min Monday
      'FJR-1 update 2026-03-09T08:10:00+01:00',
      // restore 2 h: 1 h Friday + 1 h Monday; resolution 4 h: 1 h Friday + 3 h Monday
      'FJR-1 restore 2026-03-09T09:00:00+01:00',
      'FJR-1 resolution 2026-03-09T11:00:00+01:00',
      // P3 in Stockholm from Monday 08:30: response 4 h, update 8 h
      'SVL-1 response 2026-03-09T12:30:00+01:00',
      'SVL-1 update 2026-03-09T16:30:00+01:00',
      // P5 from Monday 09:00 Oslo: 16 h = 7 h Monday + 8 h Tuesday + 1 h Wednesday
      'FJR-2 response 2026-03-11T09:00:00+01:00',
      // P3 resolution 24 h (Stockholm 08–17): 8 h 30 min + 9 h + 6 h 30 min
      'SVL-1 resolution 2026-03-11T14:30:00+01:00',
      // P5 resolution 80 h = 10 days of 8 h: Monday 9 March 09:00 → Monday 23 March 09:00
      'FJR-2 resolution 2026-03-23T09:00:00+01:00'
    ])
    expect(clocks.slice(0, 2).map((c) => c.state)).toEqual(['Breached', 'Breached'])
    // FJR-3 was resolved on 2 March: none of its clocks is listed
    expect(clocks.some((c) => c.ticket === 'FJR-3')).toBe(false)
  })

  it('defaults --at to the last event of the log, never the wall clock; NDJSON; --fail-on-breach', () => {
    const r = cli(['sla', F('events.ndjson'), '--agreements', F('agreements.json'), '--format', 'ndjson'])
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(new Set(rows.map((x) => x.at))).toEqual(new Set(['2026-03-09T08:00:00Z']))
    // only --at now reads the clock
    const before = Date.now()
    const now = JSON.parse(
      cli(['sla', F('events.ndjson'), '--agreements', F('agreements.json'), '--at', 'now', '--format', 'json']).stdout
    ) as { at: string }
    expect(Date.parse(now.at)).toBeGreaterThanOrEqual(before - 1000)
    expect(r.status).toBe(0)
    expect(
      cli(['sla', F('events.ndjson'), '--agreements', F('agreements.json'), ...at, '--fail-on-breach']).status
    ).toBe(1)
    const table = cli(['sla', F('events.ndjson'), '--agreements', F('agreements.json'), ...at])
    expect(table.stdout).toMatch(
      /^FJR-1 +Fjord Regnskap AS +P1 +resolution +AtRisk +2026-03-09T11:00:00\+01:00 +1 h$/mu
    )
    expect(table.stdout).not.toContain('\u001b[')
  })

  it('an unknown customer and broken lines: exit status 1, the problems on standard error', () => {
    const r = cli(['sla', F('broken.ndjson'), '--agreements', F('agreements.json'), ...at])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(
      `${F('broken.ndjson')}:18: ticket NOB-1, event 1, UnknownCustomer: customer: expected a customer of the agreements, received Nobody AB`
    )
    expect(r.stdout).toContain('FJR-1')
    expect(r.stdout + r.stderr).not.toContain('SECRET')
  })

  it('without --agreements: a usage error', () => {
    const r = cli(['sla', F('events.ndjson')])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--agreements: expected the agreements file')
  })

  it('a broken agreements file: exit status 1, file, line and path', () => {
    const r = cli(['sla', F('events.ndjson'), '--agreements', F('agreements-bad.json')])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`${F('agreements-bad.json')}:6: agreements[0].calendar.zone: expected an IANA time zone`)
  })
})

describe('status', () => {
  it('the morning status per customer at --at', () => {
    const r = cli([
      'status',
      F('events.ndjson'),
      '--agreements',
      F('agreements.json'),
      '--at',
      '2026-03-09T10:00:00+01:00',
      '--format',
      'json'
    ])
    expect(r.status).toBe(0)
    const s = JSON.parse(r.stdout) as { customers: Array<{ customer: string; health: string }> }
    // FJR-1 is a P1 (critical priority); SVL-1 was opened 1 h 30 min before (new in the look-back)
    expect(s.customers.map((c) => [c.customer, c.health])).toEqual([
      ['Fjord Regnskap AS', 'Critical'],
      ['Svea Logistik AB', 'NeedAttention']
    ])
    const table = cli([
      'status',
      F('events.ndjson'),
      '--agreements',
      F('agreements.json'),
      '--at',
      '2026-03-09T10:00:00+01:00'
    ])
    expect(table.stdout).toContain('Morning status at 2026-03-09T10:00:00+01:00 (Europe/Oslo)')
    expect(table.stdout).toMatch(/^Fjord Regnskap AS +Critical +FJR-1: critical priority \(P1\)$/mu)
  })
})

describe('report', () => {
  const base = ['report', F('events.ndjson'), '--agreements', F('agreements.json'), '--period', '2026-03']
  it('a month per customer as JSON: FJR-1, -2, -3 opened, FJR-3 resolved and rated 5', () => {
    const r = cli([...base, '--format', 'json'])
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout) as {
      customers: Array<{
        customer: string
        volume: { opened: number; resolved: number }
        satisfaction: { ratings: number }
      }>
    }
    expect(report.customers.map((c) => [c.customer, c.volume.opened, c.volume.resolved])).toEqual([
      ['Fjord Regnskap AS', 3, 1],
      ['Svea Logistik AB', 1, 0]
    ])
  })

  it('Markdown for one customer; an unknown --customer is a usage error', () => {
    const md = cli([...base, '--customer', 'Svea Logistik AB'])
    expect(md.stdout.startsWith('# Service-level report: Svea Logistik AB, 2026-03\n')).toBe(true)
    expect(md.stdout).not.toContain('Fjord Regnskap AS')
    const unknown = cli([...base, '--customer', 'Nobody AB'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain(
      '--customer: expected a customer of the agreements (Fjord Regnskap AS, Svea Logistik AB), received "Nobody AB"'
    )
  })

  it('one file per customer with --split (CSV and HTML)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itsm-cli-'))
    expect(cli([...base, '--format', 'csv', '--split', '--out', dir, '--quiet']).status).toBe(0)
    expect(cli([...base, '--format', 'html', '--split', '--out', dir]).status).toBe(0)
    expect(readdirSync(dir).sort()).toEqual([
      'report-2026-03-fjord-regnskap-as.csv',
      'report-2026-03-fjord-regnskap-as.html',
      'report-2026-03-svea-logistik-ab.csv',
      'report-2026-03-svea-logistik-ab.html'
    ])
    expect(readFileSync(join(dir, 'report-2026-03-svea-logistik-ab.html'), 'utf8')).toContain('Svea Logistik AB')
    expect(cli([...base, '--format', 'html']).status).toBe(2)
  })

  it('a log with broken lines still reports the good histories, and exits 1 (the same on two threads)', () => {
    const args = (...more: string[]) => [
      'report',
      F('broken.ndjson'),
      '--agreements',
      F('agreements.json'),
      '--period',
      '2026-03',
      '--format',
      'json',
      ...more
    ]
    const r = cli(args())
    expect(r.status).toBe(1)
    const two = cli(args('--jobs', '2'))
    expect([two.status, two.stdout, two.stderr]).toEqual([r.status, r.stdout, r.stderr])
    // three threads, the log cut every 50 bytes: the same problems at the same lines
    const cut = cli(args('--jobs', '3'), undefined, { ITSM_KIT_SEGMENT_BYTES: '50' })
    expect([cut.status, cut.stdout, cut.stderr]).toEqual([r.status, r.stdout, r.stderr])
    const report = JSON.parse(r.stdout) as { customers: Array<{ volume: { opened: number } }> }
    expect(report.customers.map((c) => c.volume.opened)).toEqual([3, 1])
    expect(r.stderr.split('\n').filter((l) => l !== '').length).toBe(5)
    expect(r.stderr).not.toContain('SECRET')
  })

  it('names every impossible history whatever the period: before, within or after it, on one thread or two', () => {
    const problems = (period: string, jobs: string) => {
      const r = cli([
        'report',
        F('broken.ndjson'),
        '--agreements',
        F('agreements.json'),
        '--period',
        period,
        '--format',
        'json',
        '--jobs',
        jobs
      ])
      expect(r.status).toBe(1)
      return r.stderr
    }
    const march = problems('2026-03', '1')
    expect(march).toContain('ImpossibleEvent')
    for (const period of ['2026-02', '2026-03-02', '2026-W10', '2026-Q2', '2026-03-01T00:00:00Z/2026-03-03T09:00:00Z'])
      for (const jobs of ['1', '2']) expect(problems(period, jobs), `${period} --jobs ${jobs}`).toBe(march)
  })

  it('a broken agreements file, a missing log or an unknown --customer fail the same on two threads as on one, without hanging', () => {
    const cases = [
      ['report', F('events.ndjson'), '--agreements', F('agreements-bad.json'), '--period', '2026-03'],
      ['report', F('no-such.ndjson'), '--agreements', F('agreements.json'), '--period', '2026-03'],
      [
        'report',
        F('events.ndjson'),
        '--agreements',
        F('agreements.json'),
        '--period',
        '2026-03',
        '--customer',
        'Nobody AB'
      ]
    ]
    for (const args of cases) {
      const one = cli(args)
      const two = cli([...args, '--jobs', '2'])
      expect([two.status, two.stdout, two.stderr], args.join(' ')).toEqual([one.status, one.stdout, one.stderr])
      expect(one.status, args.join(' ')).not.toBe(0)
    }
  })

  it('bad periods and --jobs values are usage errors', () => {
    expect(cli([...base.slice(0, -1), '2026-13x']).status).toBe(2)
    expect(cli([...base, '--jobs', '0']).status).toBe(2)
  })
})

describe('demo and --jobs', () => {
  it('the demo is deterministic, exits 0, and --jobs 1, 2 and 3 give identical reports', () => {
    const a = mkdtempSync(join(tmpdir(), 'itsm-demo-'))
    const b = mkdtempSync(join(tmpdir(), 'itsm-demo-'))
    const first = cli(['demo', '--out', a])
    expect(first.status).toBe(0)
    expect(cli(['demo', '--out', b]).stdout.replaceAll(b, a)).toBe(first.stdout)
    expect(readFileSync(join(a, 'events.ndjson'), 'utf8')).toBe(readFileSync(join(b, 'events.ndjson'), 'utf8'))
    for (const step of ['due', 'between', 'holidays', 'check', 'replay', 'sla', 'status', 'report'])
      expect(first.stdout).toContain(`$ itsm-kit ${step} `)
    const events = readFileSync(join(a, 'events.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { _tag: string; ticketId: string })
    // escalations, pauses, reopenings (a customer rejecting a resolution), workarounds and ratings, several of each
    const count = (tag: string) => events.filter((e) => e._tag === tag).length
    for (const tag of [
      'TicketEscalated',
      'AwaitingStarted',
      'WorkResumed',
      'ResolutionRejected',
      'WorkaroundApplied',
      'TicketRated'
    ])
      expect(count(tag), tag).toBeGreaterThanOrEqual(3)
    expect(
      new Set(
        events.filter((e) => e._tag === 'TicketOpened').map((e) => (e as unknown as { customer: string }).customer)
      ).size
    ).toBe(4)
    // events of a ticket are spread through the file
    const firstLine = new Map<string, number>()
    let interleaved = 0
    events.forEach((e, i) =>
      firstLine.has(e.ticketId)
        ? i - (firstLine.get(e.ticketId) as number) > 1 && interleaved++
        : firstLine.set(e.ticketId, i)
    )
    expect(interleaved).toBeGreaterThan(100)
    const report = (jobs: string, env: Record<string, string> = {}) =>
      cli(
        [
          'report',
          join(a, 'events.ndjson'),
          '--agreements',
          join(a, 'agreements.json'),
          '--period',
          '2026-03',
          '--format',
          'json',
          '--jobs',
          jobs
        ],
        undefined,
        env
      )
    const one = report('1')
    expect(one.status).toBe(0)
    expect(JSON.parse(one.stdout).customers.length).toBe(4)
    expect(report('2').stdout).toBe(one.stdout)
    expect(report('3').stdout).toBe(one.stdout)
    // the log cut into segments of 997 bytes (hundreds of them), read by three threads in turn
    expect(statSync(join(a, 'events.ndjson')).size).toBeGreaterThan(100 * 997)
    expect(report('3', { ITSM_KIT_SEGMENT_BYTES: '997' }).stdout).toBe(one.stdout)
    // chunks of one ticket, so the threads claim hundreds of them and take over each other's
    expect(report('3', { ITSM_KIT_SEGMENT_BYTES: '997', ITSM_KIT_CHUNK_TICKETS: '1' }).stdout).toBe(one.stdout)
    expect(report('1', { ITSM_KIT_CHUNK_TICKETS: '1' }).stdout).toBe(one.stdout)
    // the phase timings go to standard error only when asked for
    const timed = report('2', { ITSM_KIT_SEGMENT_BYTES: '997', ITSM_KIT_TIMING: '1' })
    expect(timed.stdout).toBe(one.stdout)
    expect(timed.stderr).toMatch(/^timing +worker1 +fold /mu)
    expect(report('2').stderr).toBe('')
    // standard input, on two threads
    const piped = cli(
      ['report', '--agreements', join(a, 'agreements.json'), '--period', '2026-03', '--format', 'json', '--jobs', '2'],
      readFileSync(join(a, 'events.ndjson'))
    )
    expect(piped.stdout).toBe(one.stdout)
  })
})

/**
 * Whether the lines of a command's output match those a document shows: a line of `…` alone
 * (indented or not) stands for any number of lines (the document leaves them out); blank lines at the end do not count.
 */
const shown = (expected: ReadonlyArray<string>, actual: ReadonlyArray<string>): boolean => {
  const trim = (ls: ReadonlyArray<string>) => {
    let n = ls.length
    while (n > 0 && ls[n - 1] === '') n--
    return ls.slice(0, n)
  }
  const e = trim(expected)
  const a = trim(actual)
  const tried = new Set<string>()
  const from = (i: number, j: number): boolean => {
    if (i === e.length) return j === a.length
    const key = `${i}:${j}`
    if (tried.has(key)) return false
    tried.add(key)
    if (e[i]?.trim() === '…') return from(i + 1, j) || (j < a.length && from(i, j + 1))
    return j < a.length && e[i] === a[j] && from(i + 1, j + 1)
  }
  return from(0, 0)
}

describe('what the docs show', () => {
  it('the matcher of shown output: … stands for any lines, and a wrong or missing line fails', () => {
    expect(shown(['a', '…', 'd'], ['a', 'b', 'c', 'd', ''])).toBe(true)
    expect(shown(['a', '…', 'd'], ['a', 'd'])).toBe(true)
    expect(shown(['…', 'c'], ['a', 'b', 'c'])).toBe(true)
    expect(shown(['a', '    …', 'd'], ['a', 'b', 'd'])).toBe(true)
    expect(shown(['a', '…', 'd'], ['a', 'b', 'c'])).toBe(false)
    expect(shown(['a', 'b'], ['a', 'b', 'c'])).toBe(false)
    expect(shown(['a', 'x'], ['a', 'b'])).toBe(false)
  })

  it("every example of every command's --help runs as written in the folder itsm-kit demo writes", () => {
    const dir = mkdtempSync(join(tmpdir(), 'itsm-help-'))
    expect(cli(['demo', '--out', dir]).status).toBe(0)
    // a shell that finds the bin as itsm-kit, as after npm install -g
    const path = mkdtempSync(join(tmpdir(), 'itsm-path-'))
    symlinkSync(bin, join(path, 'itsm-kit'))
    const elsewhere = mkdtempSync(join(tmpdir(), 'itsm-desk-'))
    const examples = ['due', 'between', 'holidays', 'check', 'replay', 'sla', 'status', 'report', 'demo'].flatMap(
      (command) =>
        (cli([command, '--help']).stdout.split(/^Examples?:\n/mu)[1] ?? '')
          .split('\n')
          .filter((l) => /^ {2}(\S.* )?itsm-kit /u.test(l))
          .map((l) => l.trim().replaceAll('/tmp/desk', elsewhere))
    )
    expect(examples.length).toBe(19)
    for (const example of examples) {
      const r = spawnSync('sh', ['-c', example], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '', PATH: `${path}:${process.env.PATH ?? ''}` },
        timeout: 60_000
      })
      expect([r.status, r.stderr.split('\n').filter((l) => !l.startsWith('wrote '))], example).toEqual([0, ['']])
    }
  })

  it('the output the README and the command-line guide show is what the commands print', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itsm-docs-'))
    expect(cli(['demo', '--out', dir]).status).toBe(0)
    let checked = 0
    for (const doc of ['README.md', 'docs/cli.md']) {
      const blocks = readFileSync(join(root, doc), 'utf8')
        .split(/^```text\n/mu)
        .slice(1)
      for (const block of blocks) {
        const lines = (block.split(/^```/mu)[0] as string).split('\n')
        lines.forEach((line, i) => {
          if (!line.startsWith('$ itsm-kit ')) return
          const end = lines.findIndex((l, k) => k > i && l.startsWith('$ '))
          const expected = lines.slice(i + 1, end === -1 ? undefined : end)
          // the demo's files (tmp/demo/ is where npm run demo puts them), else the CLI fixtures
          const command = line.slice('$ itsm-kit '.length)
          expect(command, `${doc}: quoted arguments are not split here`).not.toMatch(/["']/u)
          const args = command
            .split(/ +/u)
            .map((a) => a.replace(/^(tmp\/demo|itsm-kit-demo)\//u, `${dir}/`))
            .map((a) => ((a.endsWith('.ndjson') || a.endsWith('.json')) && !a.startsWith(dir) ? F(a) : a))
          const r = cli(args)
          const actual = (r.stdout + r.stderr).replaceAll(`${F('')}/`, '').split('\n')
          expect(shown(expected, actual), `${doc}: $ itsm-kit ${command}\n${r.stdout}${r.stderr}`).toBe(true)
          checked++
        })
      }
    }
    expect(checked).toBe(8)
  })
})

// Reproductions of what an adversarial audit of the command line found (1 December 2026).
describe('hostile input', () => {
  const demoDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'itsm-hostile-'))
    expect(cli(['demo', '--out', dir]).status).toBe(0)
    return dir
  }

  it('a clock open seven months on a calendar of 720 intervals a day is explained, not a stack overflow', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itsm-dense-'))
    const hh = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
    const day = Array.from({ length: 720 }, (_, k) => ({ opens: hh(2 * k), closes: hh(2 * k + 1) }))
    const weekly = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, day]))
    const policy = {
      _tag: 'SlaPolicy',
      name: 'p',
      metrics: { resolution: { targets: { P3: { _tag: 'BusinessTime', duration: 'PT8H' } } } },
      warnings: []
    }
    writeFileSync(
      join(dir, 'agreements.json'),
      JSON.stringify({ agreements: [{ customer: 'C', calendar: { zone: 'Europe/Oslo', weekly }, policy }] })
    )
    const actor = { role: 'agent', id: 'a' }
    const at = '2026-03-02T08:00:00Z'
    writeFileSync(
      join(dir, 'log.ndjson'),
      [
        {
          _tag: 'TicketOpened',
          ticketId: 'T-1',
          seq: 1,
          at,
          actor,
          channel: 'phone',
          customer: 'C',
          requester: 'r',
          title: 't',
          tier: 'L1',
          kind: 'incident'
        },
        {
          _tag: 'PrioritySet',
          ticketId: 'T-1',
          seq: 2,
          at,
          actor,
          urgency: 'medium',
          impact: 'medium',
          rank: 3,
          name: 'P3',
          label: 'moderate'
        }
      ]
        .map((e) => JSON.stringify(e) + '\n')
        .join('')
    )
    const r = cli([
      'report',
      join(dir, 'log.ndjson'),
      '--agreements',
      join(dir, 'agreements.json'),
      '--period',
      '2026-03',
      '--as-of',
      '2026-10-01T00:00:00Z',
      '--format',
      'json',
      '--out',
      join(dir, 'report.json')
    ])
    expect([r.status, r.stderr]).toEqual([0, `wrote ${join(dir, 'report.json')}\n`])
    const breaches = (
      JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
        customers: Array<{ breaches: Array<{ explanation: { closed: unknown[] }; omitted?: { closed: number } }> }>
      }
    ).customers[0]?.breaches
    expect(breaches?.length).toBe(1)
    // more closed stretches than a spread call passes (about 120 000 on Node's default stack) were
    // listed; the report keeps the first 50 and counts the rest
    expect(breaches?.[0]?.explanation.closed.length).toBe(50)
    expect(breaches?.[0]?.omitted?.closed).toBeGreaterThan(150_000)
  })

  it('a folder that cannot be made is an error (exit 1), never a hang', () => {
    if (!existsSync('/proc/self')) return
    const r = cli(['demo', '--out', '/proc/itsm-kit-nope'])
    expect([r.status, r.stderr]).toEqual([1, 'error: /proc/itsm-kit-nope: cannot make the folder (ENOENT)\n'])
  })

  it('files that cannot be read or written are errors naming them (exit 1), not internal errors', () => {
    const dir = demoDir()
    const folder = mkdtempSync(join(tmpdir(), 'itsm-folder-'))
    expect([cli(['check', folder]).status, cli(['check', folder]).stderr]).toEqual([
      1,
      `error: ${folder}: cannot be read\n`
    ])
    const base = [
      'report',
      join(dir, 'events.ndjson'),
      '--agreements',
      join(dir, 'agreements.json'),
      '--period',
      '2026-03'
    ]
    const intoFolder = cli([...base, '--out', folder])
    expect([intoFolder.status, intoFolder.stderr]).toEqual([1, `error: ${folder}: open failed (EISDIR)\n`])
    const missing = join(folder, 'no/such/folder.md')
    expect(cli([...base, '--out', missing]).stderr).toBe(`error: ${missing}: open failed (ENOENT)\n`)
    const onFile = cli([...base, '--format', 'csv', '--split', '--out', join(dir, 'policy.json')])
    expect([onFile.status, onFile.stderr]).toEqual([
      1,
      `error: ${join(dir, 'policy.json')}: expected a folder, received a file\n`
    ])
  })

  it('a line that is a bare JSON string is described by its length, never quoted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itsm-bare-'))
    writeFileSync(join(dir, 'log.ndjson'), '"ZZSECRETZZ"\n')
    const r = cli(['replay', join(dir, 'log.ndjson')])
    expect(r.status).toBe(1)
    expect(r.stdout + r.stderr).toContain(`log.ndjson:1: decode: $: expected an object with a "_tag"`)
    expect(r.stdout + r.stderr).toContain('received text of 10 characters')
    expect(r.stdout + r.stderr).not.toContain('ZZSECRETZZ')
  })

  it('--split writes a file for every customer, also when their names make the same file name', () => {
    const dir = demoDir()
    const demo = JSON.parse(readFileSync(join(dir, 'agreements.json'), 'utf8')) as {
      agreements: Array<{ customer: string }>
    }
    const first = demo.agreements[0] as { customer: string }
    const names = ['Fjord AS', 'FJORD AS', 'Fjord-AS', 'fjord-as-2']
    writeFileSync(
      join(dir, 'four.json'),
      JSON.stringify({ agreements: names.map((customer) => ({ ...first, customer })) })
    )
    const out = join(dir, 'split')
    const r = cli(
      [
        ...'report --period 2026-03 --format csv --split'.split(' '),
        '--agreements',
        join(dir, 'four.json'),
        '--out',
        out
      ],
      ''
    )
    expect(r.status).toBe(0)
    expect(readdirSync(out).sort()).toEqual(
      ['fjord-as', 'fjord-as-2', 'fjord-as-2-2', 'fjord-as-3'].map((n) => `report-2026-03-${n}.csv`).sort()
    )
    // each file is its own customer's
    const customers = readdirSync(out)
      .sort()
      .map((f) => readFileSync(join(out, f), 'utf8').split('\r\n')[2]?.split(',')[0])
    expect(new Set(customers)).toEqual(new Set(names))
  })

  it('--explain over three centuries lists the first 1 000 intervals and sums the rest on one line', () => {
    const r = cli([
      'between',
      '--calendar',
      F('calendar-oslo.json'),
      '--from',
      '1901-01-01T00:00:00Z',
      '--to',
      '2199-12-31T00:00:00Z',
      '--explain'
    ])
    expect(r.status).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    const shownTotal = /^(\d+) h /u.exec(lines[0] as string)?.[1]
    // the answer, a blank line, the heading, 1 000 intervals and the rest
    expect(lines.length).toBe(2 + 1 + 1000 + 1)
    expect(lines.at(-1)).toMatch(new RegExp(` ${shownTotal} h \\(first 1000 intervals listed\\)$`, 'u'))
  })

  it('--json --explain is one JSON document, the intervals in it', () => {
    const base = ['due', '--calendar', F('calendar-oslo.json'), '--from', '2026-04-01T14:00', '--explain', '--json']
    const r = cli([...base, '--duration', '8h'])
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as { explained: unknown }).explained).toEqual({
      intervals: [
        { from: '2026-04-01T14:00:00+02:00', to: '2026-04-01T16:00:00+02:00', businessTime: 'PT2H' },
        { from: '2026-04-07T08:00:00+02:00', to: '2026-04-07T14:00:00+02:00', businessTime: 'PT6H' }
      ]
    })
    // past the first 1 000 intervals, what is left is one span
    const long = JSON.parse(cli([...base, '--duration', 'PT20000H']).stdout) as {
      due: string
      explained: { intervals: unknown[]; rest: { to: string } }
    }
    expect(long.explained.intervals.length).toBe(1000)
    expect(long.explained.rest.to).toBe(long.due)
  })

  it('--explain lists an open stretch as one row, however long', () => {
    // open Monday to Friday round the clock: a week's stretch is one row of 120 h, not rows cut
    // wherever the listing asked the calendar for the next window
    const r = cli([
      'between',
      '--zone',
      'UTC',
      '--hours',
      '00:00-24:00',
      '--from',
      '2026-04-06T00:00',
      '--to',
      '2026-06-01T00:00',
      '--explain'
    ])
    const rows = r.stdout.trimEnd().split('\n').slice(3)
    expect(rows.length).toBe(8)
    for (const row of rows) expect(row.split(/ {2,}/u)[2]).toBe('120 h')
  })

  it('a duplicate seq is placed on the line of the event that repeats it, not the first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itsm-dup-'))
    const actor = { role: 'agent', id: 'kari' }
    const lines = [
      {
        _tag: 'TicketOpened',
        ticketId: 'D-1',
        seq: 1,
        at: '2026-03-10T08:00:00Z',
        actor,
        channel: 'phone',
        customer: 'Fjord Regnskap AS',
        requester: 'ola',
        title: 't',
        tier: 'L1',
        kind: 'incident'
      },
      { _tag: 'PublicReplySent', ticketId: 'D-1', seq: 2, at: '2026-03-10T09:00:00Z', actor, message: 'first' },
      { _tag: 'PublicReplySent', ticketId: 'D-1', seq: 2, at: '2026-03-10T09:30:00Z', actor, message: 'second' }
    ]
    writeFileSync(join(dir, 'dup.ndjson'), lines.map((l) => JSON.stringify(l) + '\n').join(''))
    const r = cli(['replay', join(dir, 'dup.ndjson')])
    expect(r.status).toBe(1)
    expect(r.stdout + r.stderr).toContain(
      `dup.ndjson:3: ticket D-1, event 2, OutOfOrder: ticket D-1, event 2 (PublicReplySent at 2026-03-10T09:30:00Z): expected sequence number 3`
    )
  })

  it('holidays: a year outside 1900–2199 is a usage error, and a calendar check refuses is refused', () => {
    for (const year of ['1899', '2200', '0x7EA'])
      expect([cli(['holidays', 'NO', year]).status, cli(['holidays', 'NO', year]).stderr]).toEqual([
        2,
        `error: holidays: expected a year from 1900 to 2199, received "${year}"\n`
      ])
    expect(cli(['holidays', 'NO', '2150', '--to', '2199']).status).toBe(0)
    expect(cli(['holidays']).stderr).toContain('expected a country (SE, NO, FI, PL) and a year')
    const dir = mkdtempSync(join(tmpdir(), 'itsm-cal-'))
    writeFileSync(join(dir, 'never.json'), JSON.stringify({ zone: 'Europe/Oslo', weekly: {} }))
    const never = cli(['holidays', '--calendar', join(dir, 'never.json'), '--year', '2026'])
    expect([never.status, never.stdout]).toEqual([1, ''])
    expect(cli(['check', join(dir, 'never.json')]).status).toBe(1)
  })

  it('--out never takes the place of a log read, and demo --out "" is refused', () => {
    const dir = demoDir()
    const log = join(dir, 'events.ndjson')
    const before = readFileSync(log, 'utf8')
    const r = cli(['report', log, '--agreements', join(dir, 'agreements.json'), '--period', '2026-03', '--out', log])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--out: expected a file or folder that is not one of the logs read')
    expect(readFileSync(log, 'utf8')).toBe(before)
    expect([cli(['demo', '--out', '']).status, cli(['demo', '--out', '']).stderr]).toEqual([
      2,
      'error: --out: expected a folder, received ""\n'
    ])
  })

  it('a log with no event still has its unreadable lines listed, and an id that is not UTF-8 is given by its length', () => {
    const dir = demoDir()
    writeFileSync(join(dir, 'nul.ndjson'), 'x\u0000y\n')
    for (const command of ['sla', 'status']) {
      const r = cli([command, join(dir, 'nul.ndjson'), '--agreements', join(dir, 'agreements.json')])
      expect([r.status, r.stderr], command).toEqual([
        1,
        `${join(dir, 'nul.ndjson')}:1: json: not valid JSON (a line of 3 characters)\nerror: --at: the log has no events; give --at\n`
      ])
    }
    writeFileSync(
      join(dir, 'bytes.ndjson'),
      Buffer.concat([
        Buffer.from('{"_tag":"TicketOpened","ticketId":"U-'),
        Buffer.from([0xff]),
        Buffer.from('","seq":1}\n')
      ])
    )
    const r = cli(['replay', join(dir, 'bytes.ndjson')])
    expect(r.status).toBe(1)
    expect(r.stdout + r.stderr).toContain('bytes.ndjson:1: ticket (an id of 3 characters), event 1, decode:')
    expect(r.stdout + r.stderr).not.toContain('\uFFFD')
  })

  it('a due instant past the range is an error, not the clamped instant', () => {
    const r = cli([
      'due',
      '--calendar',
      F('calendar-oslo.json'),
      '--from',
      '2026-04-01T14:00',
      '--duration',
      'PT400000H'
    ])
    expect([r.status, r.stdout]).toEqual([1, ''])
    expect(r.stderr).toMatch(
      /^error: --duration: expected a duration that ends before 2200-01-01T00:00:00Z on this calendar \(\d+ h of business time does\), received 400000 h\n$/u
    )
  })

  it('standard input named twice, and a period the report cannot take, are usage errors (exit 2)', () => {
    const dir = demoDir()
    const twice = cli(['replay', '-', '-'], readFileSync(join(dir, 'events.ndjson')))
    expect([twice.status, twice.stdout]).toEqual([2, ''])
    expect(twice.stderr).toContain('standard input (-) at most once')
    const base = ['report', join(dir, 'events.ndjson'), '--agreements', join(dir, 'agreements.json'), '--period']
    expect([cli([...base, '2026-13']).status, cli([...base, '2026-13']).stderr]).toEqual([
      2,
      'error: --period.month: expected a month 1–12, received 13\n'
    ])
    expect(cli([...base, '2027-W53']).status).toBe(2)
    expect(cli([...base, '2026-W53']).status).toBe(0)
  })

  it('a range that ends before it starts is a usage error in the words given; 1900-01 is a period', () => {
    const dir = demoDir()
    const base = ['report', join(dir, 'events.ndjson'), '--agreements', join(dir, 'agreements.json'), '--period']
    const reversed = cli([...base, '2026-05-01T00:00:00Z/2026-03-01T00:00:00Z'])
    expect([reversed.status, reversed.stderr]).toEqual([
      2,
      'error: --period: expected FROM/TO with TO after FROM, received "2026-05-01T00:00:00Z/2026-03-01T00:00:00Z"\n'
    ])
    expect(cli([...base, '2026-03-01T00:00:00Z/2026-03-01T00:00:00Z']).status).toBe(2)
    // its previous period, 1899-12, lies outside the years a period may name: it was refused
    const first = cli([...base, '1900-01', '--format', 'json'])
    expect([first.status, first.stderr]).toEqual([0, ''])
    const customers = (JSON.parse(first.stdout) as { customers: Array<{ previous: { label: string } }> }).customers
    expect(customers.map((c) => c.previous.label)).toEqual(customers.map(() => '1899-12'))
    expect(customers.length).toBeGreaterThan(0)
  })

  it('a line naming two tickets is an event of the ticket its last "ticketId" names, found out of place', () => {
    // grouping reads the first "ticketId" of a line, JSON.parse keeps the last: the event lands in
    // the first ticket's history and replay says it belongs to another
    const lines = readFileSync(join(root, F('events.ndjson')), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"FJR-3"'))
      .slice(0, 2)
    const twoIds = JSON.stringify({
      _tag: 'PublicReplySent',
      ticketId: 'FJR-3',
      seq: 3,
      at: '2026-03-02T08:30:00Z',
      actor: { role: 'agent', id: 'kari' },
      message: 'SECRET'
    }).replace(/\}$/u, ',"ticketId":"ZZZ-1"}')
    const r = cli(['replay', '-'], [...lines, twoIds, ''].join('\n'))
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('Replayed 1 file: 3 lines, 3 events, 1 ticket\n')
    expect(r.stdout).toContain(
      '-:3: ticket FJR-3, event 3, OutOfOrder: ticket ZZZ-1, event 3 (PublicReplySent at 2026-03-02T08:30:00Z): expected an event of ticket FJR-3, received an event of ticket ZZZ-1\n'
    )
    expect(r.stdout + r.stderr).not.toContain('SECRET')
  })
})
