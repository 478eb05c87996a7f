import type { Labels } from './labels.js'
import { en } from './labels.js'
import type { CustomerReport, DailyStatus, Headline, ServiceLevelReport, StatusReason } from './model.js'
import { formatFor, rawFormat, type Format } from './format.js'

/**
 * Options of the renderers: the label set (default English), which also picks the locale of
 * numbers and dates.
 *
 * @category models
 * @since 0.2.0
 */
export interface RenderOptions {
  readonly labels?: Labels
}

/**
 * A report as JSON text (the data itself, two-space indented): instants as epoch milliseconds,
 * durations as business milliseconds.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Report, Time } from 'itsm-kit'
 * const status: Report.DailyStatus = { _tag: 'DailyStatus', at: Time.instant('2025-03-10T08:00:00+01:00'), rules: { criticalPriorities: ['P1'], criticalCategories: [], lookBack: Time.hours(24) }, customers: [], rejected: [] }
 * assert.deepStrictEqual(JSON.parse(Report.toJSON(status)), status)
 * ```
 * @category conversions
 * @since 0.2.0
 */
export const toJSON = (self: DailyStatus | ServiceLevelReport): string =>
  safely(() => JSON.stringify(self, null, 2) ?? '', '')

/** Runs a renderer; a value that is not a report (or labels with an unknown locale) renders as the fallback. @internal */
export const safely = <A>(f: () => A, fallback: A): A => {
  try {
    return f()
  } catch {
    return fallback
  }
}

const reasonText = (r: StatusReason, l: Labels, f: Format): string => {
  const facts: string[] = []
  if (r.priority !== undefined) facts.push(r.priority)
  if (r.category !== undefined) facts.push(r.category)
  if (r.metric !== undefined)
    facts.push(r.metric.startsWith('tier:') ? r.metric : l.metrics[r.metric as keyof Labels['metrics']])
  if (r.breachedAt !== undefined) facts.push(`${l.breached.toLowerCase()} ${f.dateTime(r.breachedAt)}`)
  if (r.dueAt !== undefined) facts.push(`${l.due.toLowerCase()} ${f.dateTime(r.dueAt)}`)
  if (r.openedAt !== undefined) facts.push(`${l.opened.toLowerCase()} ${f.dateTime(r.openedAt)}`)
  if (r.reopenedAt !== undefined) facts.push(`${l.reopened} ${f.dateTime(r.reopenedAt)}`)
  if (r.workaroundAge !== undefined) facts.push(`${l.age.toLowerCase()} ${f.dur(r.workaroundAge)}`)
  return `${r.ticketId}: ${l.rules[r.rule]}${facts.length === 0 ? '' : ` (${facts.join(', ')})`}`
}

/**
 * The daily status as a plain-text table for a terminal: customer, status and one line per
 * reason; instants in UTC unless a zone is given.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Report, Time } from 'itsm-kit'
 * const status: Report.DailyStatus = { _tag: 'DailyStatus', at: Time.instant('2025-03-10T08:00:00+01:00'), rules: { criticalPriorities: ['P1'], criticalCategories: [], lookBack: Time.hours(24) },
 *   customers: [{ customer: 'Fjord AS', health: 'Critical', reasons: [{ ticketId: 'INC-1', rule: 'criticalPriority', health: 'Critical', priority: 'P1' }] }, { customer: 'Vik AS', health: 'Good', reasons: [] }], rejected: [] }
 * assert.strictEqual(Report.statusTable()(status), [
 *   'Customer  Status    Reasons',
 *   '--------  --------  -----------------------------',
 *   'Fjord AS  Critical  INC-1: critical priority (P1)',
 *   'Vik AS    Good      ',
 * ].join('\n'))
 * ```
 * @category conversions
 * @since 0.2.0
 */
export const statusTable =
  (options: RenderOptions & { readonly zone?: string } = {}) =>
  (self: DailyStatus): string =>
    safely(() => {
      const l = options.labels ?? en
      const f = formatFor(l, options.zone ?? 'UTC')
      const rows: Array<readonly [string, string, string]> = []
      for (const c of self.customers) {
        const reasons = c.reasons.map((r) => reasonText(r, l, f))
        rows.push([c.customer, l.health[c.health], reasons[0] ?? ''])
        for (const r of reasons.slice(1)) rows.push(['', '', r])
      }
      const head = [l.customer, l.status, l.reasons] as const
      const w = [0, 1, 2].map((i) => Math.max(head[i]?.length ?? 0, ...rows.map((r) => r[i]?.length ?? 0)))
      const line = (r: readonly [string, string, string]) =>
        `${r[0].padEnd(w[0] as number)}  ${r[1].padEnd(w[1] as number)}  ${r[2]}`
      return [
        line(head),
        line(['-'.repeat(w[0] as number), '-'.repeat(w[1] as number), '-'.repeat(w[2] as number)]),
        ...rows.map(line)
      ].join('\n')
    }, '')

const mdCell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const mdTable = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  [
    `| ${head.map(mdCell).join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)
  ].join('\n')

/**
 * The daily status as Markdown: a heading and one table row per customer, with its reasons.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Report, Time } from 'itsm-kit'
 * const status: Report.DailyStatus = { _tag: 'DailyStatus', at: Time.instant('2025-03-10T08:00:00+01:00'), rules: { criticalPriorities: ['P1'], criticalCategories: [], lookBack: Time.hours(24) },
 *   customers: [{ customer: 'Vik AS', health: 'Good', reasons: [] }], rejected: [] }
 * assert.strictEqual(Report.statusMarkdown({ labels: Report.nb, zone: 'Europe/Oslo' })(status), [
 *   '# Morgenstatus 10.03.2025, 08:00', '', '| Kunde | Status | Årsaker |', '| --- | --- | --- |', '| Vik AS | Bra |  |'
 * ].join('\n'))
 * ```
 * @category conversions
 * @since 0.2.0
 */
export const statusMarkdown =
  (options: RenderOptions & { readonly zone?: string } = {}) =>
  (self: DailyStatus): string =>
    safely(() => {
      const l = options.labels ?? en
      const f = formatFor(l, options.zone ?? 'UTC')
      return [
        `# ${l.morningStatus} ${f.dateTime(self.at)}`,
        '',
        mdTable(
          [l.customer, l.status, l.reasons],
          self.customers.map((c) => [
            c.customer,
            l.health[c.health],
            c.reasons.map((r) => reasonText(r, l, f)).join('; ')
          ])
        )
      ].join('\n')
    }, '')

/** The rows of every section of a customer report, shared by the Markdown, CSV and HTML renderers. @internal */
export interface Section {
  readonly id: string
  readonly title: string
  readonly head: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
}

const metricName = (m: string, l: Labels): string =>
  m.startsWith('tier:') ? `${l.tier} ${m.slice(5)}` : (l.metrics[m as keyof Labels['metrics']] ?? m)

const headlineFormat = (h: Headline, f: Format): ((n: number) => string) =>
  h === 'responseMedian' || h === 'resolutionMedian'
    ? (n) => f.dur(n)
    : h === 'responseAttainment' || h === 'resolutionAttainment' || h === 'firstLineRate' || h === 'reopenRate'
      ? (n) => f.pct(n)
      : h === 'csat' || h === 'netCsat'
        ? (n) => f.num(n)
        : (n) => f.int(n)

/**
 * After a list of an explanation cut short, how many entries were left out: `and 120 more`
 * (nothing when none was). Label sets made before the label was (from JavaScript) say it in English.
 */
const andMore = (n: number | undefined, l: Labels, f: Format): ReadonlyArray<string> =>
  n === undefined || n === 0
    ? []
    : [(typeof l.andMore === 'string' ? l.andMore : en.andMore).replace('{n}', () => f.int(n))]

/** The sections of a customer report as labelled rows. @internal */
export const sectionsOf = (r: CustomerReport, l: Labels, f: Format = formatFor(l, r.zone)): ReadonlyArray<Section> => {
  // raw values name their unit in the heading: durations are minutes there
  const u = (h: string): string => (f.raw ? `${h} (${l.minutes})` : h)
  const v = r.volume
  const s = r.satisfaction
  const timeRows = (['response', 'resolution'] as const).flatMap((m) => {
    const t = r.times[m]
    const row = (p: string, x: typeof t.overall) => [
      l.metrics[m],
      p,
      f.int(x.count),
      f.dur(x.mean),
      f.dur(x.median),
      f.dur(x.p90),
      f.dur(x.max)
    ]
    return [row(l.allPriorities, t.overall), ...Object.entries(t.byPriority).map(([p, x]) => row(p, x))]
  })
  return [
    {
      id: 'summary',
      title: l.summary,
      head: [l.figure, l.current],
      rows: [
        [l.customer, r.customer],
        [l.period, `${r.period.label} (${f.dateTime(r.period.from)} – ${f.dateTime(r.period.to)})`],
        [l.asOf, f.dateTime(r.asOf)],
        [l.zone, r.zone],
        [l.policy, r.policy]
      ]
    },
    {
      id: 'volume',
      title: l.volume,
      head: [l.figure, l.current],
      rows: [
        [l.opened, f.int(v.opened)],
        [l.resolved, f.int(v.resolved)],
        [l.backlogAtFrom, f.int(v.backlogAtFrom)],
        [l.backlogAtAsOf, f.int(v.backlogAtAsOf)],
        ...Object.entries(v.byPriority).map(([k, n]) => [`${l.byPriority}: ${k}`, f.int(n)]),
        ...Object.entries(v.byKind).map(([k, n]) => [`${l.byKind}: ${k}`, f.int(n)]),
        ...Object.entries(v.byChannel).map(([k, n]) => [`${l.byChannel}: ${k}`, f.int(n)]),
        ...Object.entries(v.byCategory).map(([k, n]) => [`${l.byCategory}: ${k}`, f.int(n)])
      ]
    },
    {
      id: 'days',
      title: l.perDay,
      head: [l.date, l.opened, l.resolved],
      rows: v.days.map((d) => [d.date, f.int(d.opened), f.int(d.resolved)])
    },
    {
      id: 'times',
      title: l.times,
      head: [l.metric, l.priority, l.count, u(l.mean), u(l.median), u(l.p90), u(l.max)],
      rows: timeRows
    },
    {
      id: 'attainment',
      title: l.attainment,
      head: [l.metric, l.priority, l.met, l.breached, l.stoppedLate, l.attainment],
      rows: r.attainment.map((a) => [
        metricName(a.metric, l),
        a.priority === '*' ? l.allPriorities : a.priority,
        f.int(a.met),
        f.int(a.breached),
        f.int(a.stoppedLate),
        f.pct(a.attainment)
      ])
    },
    {
      id: 'breaches',
      title: l.breaches,
      head: [l.ticket, l.metric, l.priority, l.due, l.stopped, u(l.overrun), l.explanation],
      rows: r.breaches.map((b) => [
        b.ticketId,
        b.cycle === undefined
          ? metricName(b.metric, l)
          : `${metricName(b.metric, l)} (${l.cycle} ${b.cycle}/${b.cycles ?? b.cycle})`,
        b.priority ?? l.none,
        f.dateTime(b.dueAt),
        b.stoppedAt === undefined ? l.running : f.dateTime(b.stoppedAt),
        f.dur(b.overrun),
        b.explanation === undefined
          ? l.none
          : [
              ...b.explanation.closed.map(
                (c) =>
                  `${l.closedHours} ${f.dateTime(c.from)}–${f.dateTime(c.to)}${c.holidays.length === 0 ? '' : ` (${c.holidays.join(', ')})`}`
              ),
              ...andMore(b.omitted?.closed, l, f),
              ...b.explanation.pauses.map((p) => `${l.paused} ${f.dateTime(p.from)}–${f.dateTime(p.to)}`),
              ...andMore(b.omitted?.pauses, l, f)
            ].join('; ') || l.none
      ])
    },
    {
      id: 'resolution',
      title: l.resolutionQuality,
      head: [l.figure, l.count, l.current],
      rows: [
        [l.resolved, f.int(r.resolution.resolved), ''],
        [l.firstLine, f.int(r.resolution.firstLine), f.pct(r.resolution.firstLineRate)],
        [l.firstContact, f.int(r.resolution.firstContact), f.pct(r.resolution.firstContactRate)],
        [l.reopenRate, f.int(r.resolution.reopened), f.pct(r.resolution.reopenRate)]
      ]
    },
    {
      id: 'escalations',
      title: l.escalations,
      head: [l.tier, l.escalated, l.count, u(l.median), u(l.max), l.met, l.breached],
      rows: r.escalations.map((e) => [
        e.tier,
        f.int(e.escalated),
        f.int(e.time.count),
        f.dur(e.time.median),
        f.dur(e.time.max),
        f.int(e.met),
        f.int(e.breached)
      ])
    },
    {
      id: 'workarounds',
      title: l.workarounds,
      head: [l.figure, l.count],
      rows: [
        [l.restoredByWorkaround, f.int(r.workarounds.restored)],
        [l.onWorkaround, f.int(r.workarounds.running.length)],
        [l.knownErrors, f.int(r.workarounds.knownErrors.length)]
      ]
    },
    {
      id: 'onWorkaround',
      title: l.onWorkaround,
      head: [l.ticket, l.since, u(l.age)],
      rows: [
        ...r.workarounds.running.map((w) => [w.ticketId, f.dateTime(w.since), f.dur(w.age)]),
        ...r.workarounds.knownErrors.map((k) => [k, l.knownErrors, l.none])
      ]
    },
    {
      id: 'satisfaction',
      title: l.satisfaction,
      head: [l.figure, l.current],
      rows: [
        [l.ratings, f.int(s.ratings) + (s.fewRatings ? ` (${l.fewRatings})` : '')],
        [l.positive, f.int(s.positive)],
        [l.neutral, f.int(s.neutral)],
        [l.negative, f.int(s.negative)],
        [l.csat, f.num(s.csat)],
        [l.netCsat, f.num(s.netCsat) + (s.fewRatings && s.netCsat !== undefined ? ` (${l.fewRatings})` : '')],
        [l.meanScore, f.num(s.mean, 2)],
        [l.responseRate, f.pct(s.responseRate)]
      ]
    },
    {
      id: 'comparison',
      title: `${l.comparison} (${r.previous.label})`,
      head: [l.figure, l.current, l.previous, l.change],
      rows: r.comparison.map((c) => {
        const g = headlineFormat(c.figure, f)
        return [
          c.figure === 'responseMedian' || c.figure === 'resolutionMedian'
            ? u(l.headlines[c.figure])
            : l.headlines[c.figure],
          c.current === undefined ? l.none : g(c.current),
          c.previous === undefined ? l.none : g(c.previous),
          f.signed(c.change, g)
        ]
      })
    }
  ]
}

/**
 * A service-level report as Markdown: per customer, one heading and one table per section.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Report, Sla } from 'itsm-kit'
 * const agreement = Sla.makeAgreement({ customer: 'Fjord AS', calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy })
 * const report = pipe(agreement, E.flatMap((a) => pipe([], Report.serviceLevel({ agreements: [a], period: { _tag: 'Month', year: 2025, month: 3 } }))))
 * const md = pipe(report, E.map(Report.serviceLevelMarkdown()))
 * assert.deepStrictEqual(pipe(md, E.map((text) => text.split('\n')[0])), E.right('# Service-level report: Fjord AS, 2025-03'))
 * ```
 * @category conversions
 * @since 0.2.0
 */
export const serviceLevelMarkdown =
  (options: RenderOptions = {}) =>
  (self: ServiceLevelReport): string =>
    safely(() => {
      const l = options.labels ?? en
      return self.customers
        .map((r) =>
          [
            `# ${l.serviceLevelReport}: ${r.customer}, ${r.period.label}`,
            ...sectionsOf(r, l).flatMap((s) => [
              '',
              `## ${s.title}`,
              '',
              s.rows.length === 0 ? l.none : mdTable(s.head, s.rows)
            ])
          ].join('\n')
        )
        .join('\n\n')
    }, '')

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/**
 * A service-level report as CSV, one table per section (RFC 4180: comma-separated, CRLF line
 * ends, fields with commas, quotes or line breaks quoted), each with a header row and a leading
 * customer column, ready for a spreadsheet: plain numbers (a dot for decimals), shares as per cent
 * (`75%`), durations in minutes (the heading says so), instants as local ISO-8601 with offset;
 * the labels name the rows and columns. Returns the tables by section id.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Report, Sla } from 'itsm-kit'
 * const agreement = Sla.makeAgreement({ customer: 'Fjord AS', calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy })
 * const report = pipe(agreement, E.flatMap((a) => pipe([], Report.serviceLevel({ agreements: [a], period: { _tag: 'Month', year: 2025, month: 3 } }))))
 * const csv = pipe(report, E.map(Report.serviceLevelCsv()))
 * assert.deepStrictEqual(pipe(csv, E.map((tables) => tables.volume?.split('\r\n').slice(0, 2).join('|'))), E.right('Customer,Figure,This period|Fjord AS,Opened,0'))
 * ```
 * @category conversions
 * @since 0.2.0
 */
export const serviceLevelCsv =
  (options: RenderOptions = {}) =>
  (self: ServiceLevelReport): Readonly<Record<string, string>> =>
    safely(() => {
      const l = options.labels ?? en
      const out: Record<string, string[]> = {}
      for (const r of self.customers)
        for (const s of sectionsOf(r, l, rawFormat(l, r.zone))) {
          const lines = (out[s.id] ??= [[l.customer, ...s.head].map(csvField).join(',')])
          for (const row of s.rows) lines.push([r.customer, ...row].map(csvField).join(','))
        }
      return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, `${v.join('\r\n')}\r\n`]))
    }, {})
