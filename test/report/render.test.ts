import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Report, type Sla } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'
import { agreements, at, bergDone, fjordDown, vikOutlook } from './desk.js'
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
