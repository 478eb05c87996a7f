// replay, sla, status, report: commands over NDJSON event logs.
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Report, Sla, Ticket, Time } from '../index.js'
import { loadAgreements } from './agreements.js'
import { parse, parseInstant, parseZone, showDuration, str } from './common.js'
import { bold, count, inputError, makeDir, red, table, usageError, yellow, type Io } from './io.js'
import { checkHistories, formatProblem, readLogShowing, type Problem } from './log.js'
import { reportOf, sortProblems, startShards, type ShardJob } from './pipeline.js'
import { timer, timingTable, timingWanted } from './timing.js'

const logFiles = (positionals: ReadonlyArray<string>): ReadonlyArray<string> => {
  // standard input can be read once only: named twice, the second would read nothing
  if (positionals.filter((f) => f === '-').length > 1)
    throw usageError('LOG: expected standard input (-) at most once, received it more than once')
  return positionals.length === 0 ? ['-'] : positionals
}

const printProblems = (io: Io, problems: ReadonlyArray<Problem>, toErr: boolean) => {
  const write = toErr ? io.err : io.out
  for (const p of problems) write(formatProblem(p) + '\n')
}

/** `itsm-kit replay`. @internal */
export const replay = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals } = parse('replay', args, {
    agreements: { type: 'string' },
    format: { type: 'string', short: 'f' }
  })
  const format = str(values, 'format') ?? 'table'
  if (!['table', 'json'].includes(format))
    throw usageError(`--format: expected table or json, received ${JSON.stringify(format.slice(0, 20))}`)
  const files = logFiles(positionals)
  const agreementsFile = str(values, 'agreements')
  const agreements = agreementsFile === undefined ? undefined : await loadAgreements(agreementsFile)
  const log = await readLogShowing(files, io, values.quiet === true)
  const checked = checkHistories(log, agreements)
  const problems = sortProblems(files, checked.problems)
  const byStatus: Record<string, number> = {}
  for (const h of checked.good) byStatus[h.ticket.status._tag] = (byStatus[h.ticket.status._tag] ?? 0) + 1
  const unreadable = new Set(['json', 'decode', 'UnknownCustomer'])
  const impossible = new Set(checked.problems.filter((p) => !unreadable.has(p.rule)).map((p) => p.ticket)).size
  const unknownCustomer = checked.problems.filter((p) => p.rule === 'UnknownCustomer').length
  const summary = {
    files: files.length,
    lines: log.lines,
    events: checked.events,
    tickets: checked.tickets,
    valid: checked.good.length,
    impossible,
    ...(agreements === undefined ? {} : { unknownCustomer }),
    unreadableLines: new Set(
      checked.problems.filter((p) => p.rule === 'json' || p.rule === 'decode').map((p) => `${p.file}:${p.line}`)
    ).size,
    byStatus
  }
  if (format === 'json') io.out(JSON.stringify({ summary, problems }, null, 2) + '\n')
  else {
    io.out(
      `${bold(io, 'Replayed')} ${count(summary.files, 'file')}: ${count(summary.lines, 'line')}, ${count(summary.events, 'event')}, ${count(summary.tickets, 'ticket')}\n`
    )
    io.out(
      `  valid histories     ${summary.valid}${
        Object.keys(byStatus).length === 0
          ? ''
          : ` (${Object.entries(byStatus)
              .sort()
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')})`
      }\n`
    )
    io.out(`  impossible          ${impossible === 0 ? '0' : red(io, String(impossible))}\n`)
    if (agreements !== undefined)
      io.out(`  unknown customer    ${unknownCustomer === 0 ? '0' : red(io, String(unknownCustomer))}\n`)
    io.out(`  unreadable lines    ${summary.unreadableLines === 0 ? '0' : red(io, String(summary.unreadableLines))}\n`)
    if (problems.length > 0) {
      io.out(`\n${count(problems.length, 'problem')} (file:line: ticket, event index: rule: what is wrong):\n`)
      printProblems(io, problems, false)
    }
  }
  return problems.length > 0 ? 1 : 0
}

/** `--at`, else the log's last event; with neither, the log's problems are printed before the failure. */
const atOf = (
  values: Record<string, unknown>,
  io: Io,
  checked: { readonly lastAt: number | undefined; readonly problems: ReadonlyArray<Problem> },
  files: ReadonlyArray<string>
): Time.Instant => {
  const text = str(values, 'at')
  if (text === 'now') return io.now() as Time.Instant
  if (text !== undefined) return parseInstant('at', text, undefined)
  if (checked.lastAt === undefined) {
    printProblems(io, sortProblems(files, checked.problems), true)
    throw inputError('--at: the log has no events; give --at')
  }
  return checked.lastAt as Time.Instant
}

const running = new Set<Sla.ClockState>(['Running', 'Paused', 'AtRisk', 'Breached'])
const stopped = new Set(['Resolved', 'Closed', 'Cancelled'])

/** `itsm-kit sla`. @internal */
export const sla = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals } = parse('sla', args, {
    agreements: { type: 'string' },
    at: { type: 'string' },
    format: { type: 'string', short: 'f' },
    'fail-on-breach': { type: 'boolean' }
  })
  const format = str(values, 'format') ?? 'table'
  if (!['table', 'json', 'ndjson'].includes(format))
    throw usageError(`--format: expected table, json or ndjson, received ${JSON.stringify(format.slice(0, 20))}`)
  const files = logFiles(positionals)
  const agreements = await loadAgreements(str(values, 'agreements'))
  const log = await readLogShowing(files, io, values.quiet === true)
  const checked = checkHistories(log, agreements)
  const at = atOf(values, io, checked, files)
  const byCustomer = new Map(agreements.map((a) => [a.customer as string, a]))
  const clocks: Array<Record<string, string | number | boolean | undefined>> = []
  for (const h of checked.good) {
    const cut = h.events.filter((e) => e.at <= at)
    const opened = cut[0]
    if (opened === undefined || opened._tag !== 'TicketOpened') continue
    const state = Ticket.replay()(cut)
    if (E.isLeft(state) || stopped.has(state.right.status._tag)) continue
    const agreement = byCustomer.get(opened.customer) as Sla.Agreement
    const local = Time.toLocalISO(agreement.calendar.zone)
    // the history replayed above, so its evaluation is a Right
    const evaluation = pipe(cut, Sla.evaluate(agreement, at))
    for (const m of E.isRight(evaluation) ? evaluation.right.metrics : []) {
      if (!running.has(m.state)) continue
      const dueAt = m.dueAt ?? m.breachedAt
      const remaining = m.remaining ?? (m.targetTime === undefined ? undefined : m.targetTime - m.elapsed)
      clocks.push({
        ticket: h.id,
        customer: opened.customer,
        priority: m.priority,
        metric: m.metric,
        state: m.state,
        due: dueAt === undefined ? undefined : local(dueAt),
        dueAt,
        remainingMs: remaining,
        remaining: remaining === undefined ? undefined : showDuration(remaining),
        breached: m.state === 'Breached'
      })
    }
  }
  const key = (c: (typeof clocks)[number]) => (typeof c.dueAt === 'number' ? c.dueAt : Number.MAX_SAFE_INTEGER)
  clocks.sort(
    (a, b) =>
      key(a) - key(b) ||
      ((a.remainingMs as number) ?? 0) - ((b.remainingMs as number) ?? 0) ||
      String(a.ticket).localeCompare(String(b.ticket)) ||
      String(a.metric).localeCompare(String(b.metric))
  )
  const problems = sortProblems(files, checked.problems)
  if (format === 'json') io.out(JSON.stringify({ at: Time.toISO(at), clocks }, null, 2) + '\n')
  else if (format === 'ndjson') for (const c of clocks) io.out(JSON.stringify({ at: Time.toISO(at), ...c }) + '\n')
  else {
    io.out(`${bold(io, `Open clocks at ${Time.toISO(at)}`)} (${clocks.length}, soonest to run out first)\n\n`)
    const paint = (c: (typeof clocks)[number], s: string) =>
      c.state === 'Breached' ? red(io, s) : c.state === 'AtRisk' ? yellow(io, s) : s
    const rows = clocks.map((c) => [
      String(c.ticket),
      String(c.customer),
      String(c.priority ?? ''),
      String(c.metric),
      String(c.state),
      String(c.due ?? '(paused)'),
      String(c.remaining ?? '')
    ])
    const text = table([['ticket', 'customer', 'priority', 'metric', 'state', 'due', 'left'], ...rows], [6]).split('\n')
    io.out(
      [text[0], ...text.slice(1).map((line, i) => paint(clocks[i] as (typeof clocks)[number], line))].join('\n') + '\n'
    )
  }
  printProblems(io, problems, true)
  return problems.length > 0 || (values['fail-on-breach'] === true && clocks.some((c) => c.breached === true)) ? 1 : 0
}

/** `itsm-kit status`. @internal */
export const status = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals } = parse('status', args, {
    agreements: { type: 'string' },
    at: { type: 'string' },
    format: { type: 'string', short: 'f' },
    zone: { type: 'string' },
    lang: { type: 'string' }
  })
  const format = str(values, 'format') ?? 'table'
  if (!['table', 'md', 'json'].includes(format))
    throw usageError(`--format: expected table, md or json, received ${JSON.stringify(format.slice(0, 20))}`)
  const labels = labelsOf(str(values, 'lang'))
  const files = logFiles(positionals)
  const agreements = await loadAgreements(str(values, 'agreements'))
  const log = await readLogShowing(files, io, values.quiet === true)
  const checked = checkHistories(log, agreements)
  const at = atOf(values, io, checked, files)
  const result = pipe(
    checked.good.map((h) => h.events),
    Report.dailyStatus({ agreements, at })
  )
  if (E.isLeft(result)) throw inputError(result.left.message)
  const zoneText = str(values, 'zone')
  const zone: string = zoneText === undefined ? (agreements[0]?.calendar.zone ?? 'UTC') : parseZone('zone', zoneText)
  if (format === 'json') io.out(Report.toJSON(result.right) + '\n')
  else if (format === 'md') io.out(Report.statusMarkdown({ zone, labels })(result.right) + '\n')
  else
    io.out(
      `${bold(io, `Morning status at ${Time.toLocalISO(zone as Time.IanaZone)(at)} (${zone})`)}\n\n${Report.statusTable({ zone, labels })(result.right)}\n`
    )
  const problems = sortProblems(files, checked.problems)
  printProblems(io, problems, true)
  return problems.length > 0 ? 1 : 0
}

const labelsOf = (lang: string | undefined): Report.Labels => {
  const all: Record<string, Report.Labels> = {
    en: Report.en,
    nb: Report.nb,
    sv: Report.sv,
    fi: Report.fi,
    pl: Report.pl
  }
  const l = all[lang ?? 'en']
  if (l === undefined)
    throw usageError(
      `--lang: expected one of en, nb, sv, fi, pl, received ${JSON.stringify(String(lang).slice(0, 20))}`
    )
  return l
}

/** A period: `2026-03`, `2026-Q1`, `2026-W10`, `2026-03-02`, or `FROM/TO` instants. @internal */
export const parsePeriod = (text: string): Report.Period => {
  let m: RegExpExecArray | null
  if ((m = /^(\d{4})-(\d{2})$/u.exec(text)) !== null) return { _tag: 'Month', year: Number(m[1]), month: Number(m[2]) }
  if ((m = /^(\d{4})-Q(\d)$/u.exec(text)) !== null)
    return { _tag: 'Quarter', year: Number(m[1]), quarter: Number(m[2]) }
  if ((m = /^(\d{4})-W(\d{2})$/u.exec(text)) !== null) return { _tag: 'Week', year: Number(m[1]), week: Number(m[2]) }
  if (/^\d{4}-\d{2}-\d{2}$/u.test(text)) return { _tag: 'Day', date: text }
  const parts = text.split('/')
  if (parts.length === 2) {
    const from = parseInstant('period', parts[0] as string, undefined)
    const to = parseInstant('period', parts[1] as string, undefined)
    if (to <= from)
      throw usageError(`--period: expected FROM/TO with TO after FROM, received ${JSON.stringify(text.slice(0, 80))}`)
    return { _tag: 'Range', from, to }
  }
  throw usageError(
    `--period: expected 2026-03, 2026-Q1, 2026-W10, 2026-03-02 or FROM/TO instants, received ${JSON.stringify(text.slice(0, 40))}`
  )
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')
    .toLowerCase() || 'customer'

const csvText = (r: Report.ServiceLevelReport, labels: Report.Labels) =>
  Object.entries(Report.serviceLevelCsv({ labels })(r))
    .map(([section, csv]) => `# ${section}\r\n${csv}`)
    .join('\r\n')

/**
 * A rendered report, which is never empty: the renderers answer an empty text when they cannot
 * render (a text longer than JavaScript's strings can be), and that must not pass as the report.
 * @internal
 */
export const whole = (format: string, text: string): string => {
  if (text === '')
    throw inputError(
      `--format ${format}: the report is too large to render as one text; choose customers with --customer, or write a file per customer with --split --out DIR`
    )
  return text
}

/** `itsm-kit report`. @internal */
export const report = async (args: ReadonlyArray<string>, io: Io, workerFile: string): Promise<number> => {
  const t = timer('main', timingWanted())
  t.phase('args')
  const { values, positionals } = parse('report', args, {
    agreements: { type: 'string' },
    period: { type: 'string' },
    'as-of': { type: 'string' },
    customer: { type: 'string', multiple: true },
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    split: { type: 'boolean' },
    lang: { type: 'string' },
    jobs: { type: 'string', short: 'j' }
  })
  const format = str(values, 'format') ?? 'md'
  if (!['md', 'csv', 'json', 'html'].includes(format))
    throw usageError(`--format: expected md, csv, json or html, received ${JSON.stringify(format.slice(0, 20))}`)
  const periodText = str(values, 'period')
  if (periodText === undefined)
    throw usageError('report: expected --period, such as --period 2026-03 (see itsm-kit report --help)')
  const period = parsePeriod(periodText)
  const jobsText = str(values, 'jobs') ?? '1'
  const jobs = Number(jobsText)
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw usageError(`--jobs: expected a whole number from 1 to 64, received ${JSON.stringify(jobsText.slice(0, 20))}`)
  const labels = labelsOf(str(values, 'lang'))
  const agreementsFile = str(values, 'agreements')
  // a missing --agreements is a usage error before any thread starts (loadAgreements says so)
  if (agreementsFile === undefined) await loadAgreements(agreementsFile)
  const wanted = values.customer ?? []
  const asOfText = str(values, 'as-of')
  const files = logFiles(positionals)
  // checked before the log is read: a report must not take the place of its own log
  const out = str(values, 'out')
  if (out !== undefined && (out === '' || files.some((f) => f !== '-' && resolve(f) === resolve(out))))
    throw usageError(
      `--out: expected a file or folder that is not one of the logs read, received ${JSON.stringify(out.slice(0, 80))}`
    )
  const job: ShardJob = {
    files,
    agreements: agreementsFile as string,
    period,
    quiet: values.quiet === true,
    ...(asOfText === undefined ? {} : { asOf: parseInstant('as-of', asOfText, undefined) })
  }
  // Standard input can be read once only: it is read on the main thread
  const shards = jobs > 1 && !files.includes('-') ? startShards(job, jobs, workerFile) : undefined
  let result: Awaited<ReturnType<typeof reportOf>>
  try {
    t.phase('agreements')
    const agreements = await loadAgreements(agreementsFile)
    for (const c of wanted)
      if (!agreements.some((a) => a.customer === c))
        throw usageError(
          `--customer: expected a customer of the agreements (${agreements.map((a) => a.customer).join(', ')}), received ${JSON.stringify(c.slice(0, 60))}`
        )
    result = await reportOf(job, agreements, shards, io, t)
  } finally {
    shards?.stop()
  }
  const full = result.report
  t.phase('render')
  const chosen: Report.ServiceLevelReport =
    wanted.length === 0 ? full : { ...full, customers: full.customers.filter((c) => wanted.includes(c.customer)) }
  const split = values.split === true
  if (format === 'html' && !split && chosen.customers.length !== 1)
    throw usageError('--format html: one file per customer: give one --customer, or --split with --out DIR')
  const render = (r: Report.ServiceLevelReport): string =>
    whole(
      format,
      format === 'json'
        ? Report.toJSON(r)
        : format === 'csv'
          ? csvText(r, labels)
          : format === 'html'
            ? Report.toHtml({ labels })(r.customers[0] as Report.CustomerReport)
            : Report.serviceLevelMarkdown({ labels })(r)
    ) + (format === 'json' || format === 'md' ? '\n' : '')
  if (split) {
    if (out === undefined) throw usageError('--split: expected --out DIR, the folder for one file per customer')
    makeDir(out)
    // customers whose names make the same file name ("Fjord AS", "FJORD AS") get -2, -3, … in turn
    const taken = new Set<string>()
    for (const c of chosen.customers) {
      let name = slug(c.customer)
      for (let n = 2; taken.has(name); n++) name = `${slug(c.customer)}-${n}`
      taken.add(name)
      const file = join(out, `report-${periodText.replace(/[^A-Za-z0-9-]/gu, '_')}-${name}.${format}`)
      writeFileSync(file, render({ ...chosen, customers: [c] }))
      io.err(`wrote ${file}\n`)
    }
  } else if (out !== undefined) {
    writeFileSync(out, render(chosen))
    io.err(`wrote ${out}\n`)
  } else io.out(render(chosen))
  printProblems(io, result.problems, true)
  const timings = t.done()
  if (timings.length > 0) {
    const cpu = process.cpuUsage()
    io.err(timingTable([...timings, ...(result.timings ?? [])], (cpu.user + cpu.system) / 1000) + '\n')
  }
  return result.problems.length > 0 ? 1 : 0
}
