import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Report, type Sla } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'
import { agreements, at, bergDone, fjordDown, vikOutlook } from './desk.js'
import { denseMarch, tett } from './dense.js'
import { march } from './march.js'
import { FORMAT_CACHE_LIMIT, formatCacheSize } from '../../src/report/format.js'

const marchReport = (
  a: ReadonlyArray<Sla.Agreement> = agreements.filter((x) => x.customer === 'Fjord AS'),
  hs = march
) => getRight(pipe(hs, Report.serviceLevel({ agreements: a, period: { _tag: 'Month', year: 2025, month: 3 } })))

/** An RFC 4180 reader written for the test: quoted fields, doubled quotes, CRLF records. */
const readCsv = (s: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += ch
  }
  expect(field).toBe('')
  return rows
}

const keysDeep = (o: object, prefix = ''): string[] =>
  Object.entries(o)
    .flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keysDeep(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    .sort()

describe('label sets', () => {
  const sets = { en: Report.en, nb: Report.nb, sv: Report.sv, fi: Report.fi, pl: Report.pl }
  it('every set names every label, none of them empty', () => {
    for (const [name, l] of Object.entries(sets)) {
      expect(keysDeep(l), name).toStrictEqual(keysDeep(Report.en))
      for (const k of keysDeep(l))
        expect(
          k.split('.').reduce((o: never, p) => o[p], l as never),
          `${name}.${k}`
        ).not.toBe('')
    }
  })
  it('every set says how many entries were left out, with one place for the count', () => {
    for (const [name, l] of Object.entries(sets)) expect(l.andMore.split('{n}').length, name).toBe(2)
  })
  it('each language has its own words and locale', () => {
    expect(Object.values(sets).map((l) => [l.locale, l.health.NeedAttention])).toStrictEqual([
      ['en-GB', 'Need attention'],
      ['nb-NO', 'Trenger oppfølging'],
      ['sv-SE', 'Behöver uppmärksamhet'],
      ['fi-FI', 'Vaatii huomiota'],
      ['pl-PL', 'Wymaga uwagi']
    ])
  })
})

describe('the morning status rendered', () => {
  const status = getRight(
    Report.dailyStatus({ agreements, at: at('2025-03-10T08:30') })([fjordDown, vikOutlook, bergDone])
  )
  it('as a terminal table, Critical first, in the customer zone', () => {
    expect(Report.statusTable({ zone: 'Europe/Oslo' })(status)).toBe(
      [
        'Customer      Status          Reasons',
        `------------  --------------  ${'-'.repeat('INC-202: new or reopened (P5, reopened 09/03/2025, 20:00)'.length)}`,
        'Fjord AS      Critical        INC-101: critical priority (P1)',
        '                              INC-101: new or reopened (P1, opened 10/03/2025, 07:50)',
        'Vik Regnskap  Need attention  INC-202: new or reopened (P5, reopened 09/03/2025, 20:00)',
        'Berg Bygg     Good            '
      ].join('\n')
    )
  })
  it('as Markdown in Norwegian, with Norwegian dates', () => {
    const md = Report.statusMarkdown({ labels: Report.nb, zone: 'Europe/Oslo' })(status)
    expect(md.split('\n').slice(0, 5)).toStrictEqual([
      '# Morgenstatus 10.03.2025, 08:30',
      '',
      '| Kunde | Status | Årsaker |',
      '| --- | --- | --- |',
      '| Fjord AS | Kritisk | INC-101: kritisk prioritet (P1); INC-101: ny eller gjenåpnet (P1, opprettet 10.03.2025, 07:50) |'
    ])
  })
  it('as JSON that reads back to the same data', () => {
    expect(JSON.parse(Report.toJSON(status))).toStrictEqual(status)
  })
})

describe('the service-level report rendered', () => {
  it('CSV: one RFC 4180 table per section, CRLF, quoted where needed, the same width on every row', () => {
    const odd = agreements.map((a) => (a.customer === 'Fjord AS' ? { ...a, customer: 'Fjord "Nord", AS' } : a))
    const hs = march.map((h) => h.map((e) => (e._tag === 'TicketOpened' ? { ...e, customer: 'Fjord "Nord", AS' } : e)))
    const csv = Report.serviceLevelCsv()(marchReport(odd, hs))
    expect(Object.keys(csv)).toStrictEqual([
      'summary',
      'volume',
      'days',
      'times',
      'attainment',
      'breaches',
      'resolution',
      'escalations',
      'workarounds',
      'onWorkaround',
      'satisfaction',
      'comparison'
    ])
    for (const [id, text] of Object.entries(csv)) {
      expect(text.endsWith('\r\n'), id).toBe(true)
      const rows = readCsv(text)
      const width = rows[0]?.length
      for (const r of rows) expect(r.length, id).toBe(width)
    }
    const times = readCsv(csv.times as string)
    // plain numbers for a spreadsheet: durations in minutes, named in the heading
    expect(times[0]).toStrictEqual([
      'Customer',
      'Metric',
      'Priority',
      'Count',
      'Mean (min)',
      'Median (min)',
      '90th percentile (min)',
      'Maximum (min)'
    ])
    expect(times.find((r) => r[0] === 'Fjord "Nord", AS' && r[1] === 'Response' && r[2] === 'All')).toStrictEqual([
      'Fjord "Nord", AS',
      'Response',
      'All',
      '4',
      '46.25',
      '30',
      '120',
      '120'
    ])
    expect(readCsv(csv.attainment as string).find((r) => r[0] === 'Fjord "Nord", AS')).toStrictEqual([
      'Fjord "Nord", AS',
      'Response',
      'All',
      '3',
      '1',
      '1',
      '75%'
    ])
    expect(
      readCsv(csv.breaches as string)
        .find((r) => r[0] === 'Fjord "Nord", AS')
        ?.slice(0, 6)
    ).toStrictEqual([
      'Fjord "Nord", AS',
      'INC-2',
      'Response',
      'P2',
      '2025-03-04T16:00:00+01:00',
      '2025-03-05T09:00:00+01:00'
    ])
    expect(csv.times).toContain('"Fjord ""Nord"", AS"')
  })

  it('Markdown: a heading per customer, a table per section, pipes escaped', () => {
    const odd = agreements.filter((a) => a.customer === 'Fjord AS').map((a) => ({ ...a, customer: 'Fjord | Nord' }))
    const hs = march.map((h) => h.map((e) => (e._tag === 'TicketOpened' ? { ...e, customer: 'Fjord | Nord' } : e)))
    const md = Report.serviceLevelMarkdown()(marchReport(odd, hs))
    expect(md.split('\n')[0]).toBe('# Service-level report: Fjord | Nord, 2025-03')
    expect(md).toContain('| Customer | Fjord \\| Nord |')
    expect(md).toContain('| Response | All | 3 | 1 | 1 | 75.0% |')
    expect(md.match(/^## /gm)?.length).toBe(12)
  })

  it('HTML: text is escaped, no script, nothing to fetch', () => {
    const odd = agreements.map((a) => (a.customer === 'Fjord AS' ? { ...a, customer: '<script>alert(1)</script>' } : a))
    const hs = march.map((h) =>
      h.map((e) => (e._tag === 'TicketOpened' ? { ...e, customer: '<script>alert(1)</script>' } : e))
    )
    const html = Report.toHtml()(marchReport(odd, hs).customers[0] as Report.CustomerReport)
    expect(html).not.toMatch(/<script|<link|<img|src=|url\((?!#)|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
  })

  it('numbers and durations follow the locale: Polish and Finnish', () => {
    const r = marchReport().customers[0] as Report.CustomerReport
    const pl = Report.serviceLevelMarkdown({ labels: Report.pl })(marchReport())
    expect(pl).toContain('| Reakcja | Wszystkie | 3 | 1 | 1 | 75,0% |')
    expect(pl).toContain('| Rozwiązanie | Wszystkie | 4 | 7 godz. 20 min | 6 godz. | 16 godz. | 16 godz. |')
    expect(pl).toContain('| Otwarte | 4 |')
    const fi = Report.serviceLevelMarkdown({ labels: Report.fi })(marchReport())
    // Finnish puts a no-break space before the per cent sign
    expect(fi).toContain('| Vaste | Kaikki | 3 | 1 | 1 | 75,0\u00a0% |')
    expect(fi).toContain('| Vaste | Kaikki | 4 | 46 min | 30 min | 2 t | 2 t |')
    expect(r.customer).toBe('Fjord AS')
  })
})

describe('a breach whose explanation was cut short, rendered', () => {
  // Tett AS (dense.ts): INC-1's resolution clock left 940 closed stretches out, INC-2's 862 and
  // 10 of its 60 waits; INC-3's response clock left nothing out
  const report = getRight(
    Report.serviceLevel({ agreements: [tett], period: { _tag: 'Month', year: 2025, month: 3 } })(denseMarch)
  )
  const rows = readCsv(Report.serviceLevelCsv()(report).breaches as string)
  /** The parts of the explanation cell of a ticket's breach of a metric. */
  const cell = (ticket: string, metric: string): ReadonlyArray<string> =>
    (rows.find((r) => r[1] === ticket && r[2] === metric)?.[7] ?? '').split('; ')

  it('CSV: after the closed stretches and after the pauses listed, how many more there were', () => {
    expect(rows[0]?.[7]).toBe('Explanation')
    const inc2 = cell('INC-2', 'Resolution')
    expect(inc2.length).toBe(50 + 1 + 50 + 1)
    expect(inc2.slice(0, 50).every((x) => x.startsWith('closed '))).toBe(true)
    expect(inc2[50]).toBe('and 862 more')
    expect(inc2.slice(51, 101).every((x) => x.startsWith('paused '))).toBe(true)
    expect(inc2[101]).toBe('and 10 more')
    const inc1 = cell('INC-1', 'Resolution')
    expect([inc1.length, inc1[50]]).toStrictEqual([51, 'and 940 more'])
    expect(cell('INC-3', 'Response').some((x) => x.includes('more'))).toBe(false)
  })

  it('Markdown and HTML, in the language of the labels', () => {
    const md = Report.serviceLevelMarkdown({ labels: Report.pl })(report)
    // breaches in the order they ran out: the update clocks of INC-1 and INC-2, then the resolution clocks
    expect(md.match(/i jeszcze \d+/g)).toStrictEqual([
      'i jeszcze 940',
      'i jeszcze 862',
      'i jeszcze 10',
      'i jeszcze 940',
      'i jeszcze 862',
      'i jeszcze 10'
    ])
    const html = Report.toHtml({ labels: Report.nb })(report.customers[0] as Report.CustomerReport)
    expect(html.match(/og \d+ til/g)?.length).toBe(6)
    expect(html).toContain('og 940 til')
  })

  it('labels made before 0.3.0, without andMore (from JavaScript), render in English instead of nothing', () => {
    const { andMore: _, ...old } = Report.nb
    const md = Report.serviceLevelMarkdown({ labels: old as Report.Labels })(report)
    expect(md).toContain('and 940 more')
    expect(md).toContain('Forklaring')
  })
})

describe('formatters are cached, within a bound', () => {
  const status = getRight(
    Report.dailyStatus({ agreements, at: at('2025-03-10T08:30') })([fjordDown, vikOutlook, bergDone])
  )
  it('rendering with many label sets keeps the cache at its limit and the output in each set', () => {
    // label sets are caller data: a server rendering per-user wording must not grow the cache without end
    const outputs = new Set<string>()
    for (let i = 0; i < 3 * FORMAT_CACHE_LIMIT; i++) {
      const labels = { ...Report.en, none: `none-${i}` }
      outputs.add(Report.statusTable({ labels, zone: 'Europe/Oslo' })(status))
      expect(formatCacheSize()).toBeLessThanOrEqual(FORMAT_CACHE_LIMIT)
    }
    expect(formatCacheSize()).toBe(FORMAT_CACHE_LIMIT)
    // the words do not depend on the label set's `none` here, so every table is the English one
    expect([...outputs]).toStrictEqual([Report.statusTable({ zone: 'Europe/Oslo' })(status)])
  })
})
