import { en, type Labels } from './labels.js'
import type { CustomerReport } from './model.js'
import { formatFor, type Format } from './format.js'
import { definitions } from './definitions.js'
import { safely, sectionsOf, type RenderOptions, type Section } from './render.js'

/**
 * Options of {@link toHtml}: the labels, and the attainment the agreement aims at (drawn as a
 * dashed line on the attainment chart; default 0.9).
 *
 * @category models
 * @since 0.2.0
 */
export interface HtmlOptions extends RenderOptions {
  readonly attainmentTarget?: number
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

const INK = '#1b2a3a'
const LIGHT = '#d5dbe1'

/** Shared pattern definitions: hatching keeps series apart in black and white. */
const defs = (id: string): string =>
  `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${INK}" stroke-width="2.5"/></pattern></defs>`

interface Chart {
  readonly id: string
  readonly title: string
  readonly desc: string
  readonly body: string
  readonly width: number
  readonly height: number
}

const svg = (c: Chart): string =>
  `<svg class="chart" viewBox="0 0 ${c.width} ${c.height}" width="${c.width}" height="${c.height}" role="img" aria-labelledby="${c.id}-t ${c.id}-d" xmlns="http://www.w3.org/2000/svg">` +
  `<title id="${c.id}-t">${esc(c.title)}</title><desc id="${c.id}-d">${esc(c.desc)}</desc>${defs(c.id)}${c.body}</svg>`

const text = (x: number, y: number, s: string, attrs = ''): string =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${esc(s)}</text>`
const rect = (x: number, y: number, w: number, h: number, fill: string, extra = ''): string =>
  `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${Math.max(0, h).toFixed(1)}" fill="${fill}" stroke="${INK}" stroke-width="0.8" ${extra}/>`

const legend = (id: string, x: number, y: number, items: ReadonlyArray<readonly [string, string]>): string => {
  let out = ''
  let at = x
  for (const [label, fill] of items) {
    out +=
      rect(at, y - 9, 12, 12, fill.replace('HATCH', `url(#${id}-hatch)`)) +
      text(at + 17, y + 1, label, 'class="legend"')
    at += 30 + label.length * 7
  }
  return out
}

const niceMax = (n: number): number => {
  if (n <= 5) return Math.max(1, n)
  const p = 10 ** Math.floor(Math.log10(n))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= n) return m * p
  return 10 * p
}

const perDayChart = (r: CustomerReport, l: Labels, f: Format): Chart => {
  const id = 'chart-days'
  const days = r.volume.days
  const W = 760
  const H = 240
  const left = 40
  const bottom = 40
  const top = 30
  const max = niceMax(Math.max(0, ...days.map((d) => Math.max(d.opened, d.resolved))))
  const slot = (W - left - 10) / Math.max(1, days.length)
  const bar = Math.max(1, slot * 0.38)
  const y = (n: number) => H - bottom - (n / max) * (H - bottom - top)
  let body = ''
  for (const t of [0, max / 2, max])
    body +=
      `<line x1="${left}" x2="${W - 10}" y1="${y(t)}" y2="${y(t)}" stroke="${LIGHT}"/>` +
      text(left - 6, y(t) + 4, f.int(t), 'text-anchor="end" class="tick"')
  days.forEach((d, i) => {
    const x = left + i * slot + slot * 0.1
    body +=
      rect(x, y(d.opened), bar, H - bottom - y(d.opened), INK) +
      rect(x + bar, y(d.resolved), bar, H - bottom - y(d.resolved), `url(#${id}-hatch)`)
    if (days.length <= 16 || i % Math.ceil(days.length / 16) === 0)
      body += text(x + bar, H - bottom + 14, d.date.slice(8), 'text-anchor="middle" class="tick"')
  })
  body += legend(id, left, 16, [
    [l.opened, INK],
    [l.resolved, 'HATCH']
  ])
  const opened = days.reduce((n, d) => n + d.opened, 0)
  const resolved = days.reduce((n, d) => n + d.resolved, 0)
  return {
    id,
    title: l.perDay,
    desc: `${l.opened}: ${f.int(opened)}, ${l.resolved}: ${f.int(resolved)} (${days.length} ${l.date.toLowerCase()})`,
    body,
    width: W,
    height: H
  }
}

const hbars = (
  id: string,
  title: string,
  rows: ReadonlyArray<{ readonly label: string; readonly value: number; readonly shown: string }>,
  max: number,
  extra = '',
  fill = INK
): Chart => {
  const W = 560
  const rowH = 26
  const left = 150
  const H = 20 + rows.length * rowH + 10
  let body = ''
  rows.forEach((r, i) => {
    const y = 16 + i * rowH
    const w = max === 0 ? 0 : (r.value / max) * (W - left - 140)
    body +=
      text(left - 8, y + 13, r.label, 'text-anchor="end" class="label"') +
      rect(left, y, w, 18, fill) +
      text(left + w + 6, y + 13, r.shown, 'class="value"')
  })
  return {
    id,
    title,
    desc: rows.map((r) => `${r.label}: ${r.shown}`).join('; '),
    body: body + extra,
    width: W,
    height: H
  }
}

const attainmentChart = (r: CustomerReport, l: Labels, f: Format, target: number): Chart => {
  const rows = r.attainment
    .filter((a) => a.priority === '*')
    .map((a) => ({
      label: a.metric.startsWith('tier:')
        ? `${l.tier} ${a.metric.slice(5)}`
        : l.metrics[a.metric as keyof Labels['metrics']],
      value: a.attainment ?? 0,
      shown:
        a.attainment === undefined ? l.none : `${f.pct(a.attainment)} (${f.int(a.met)}/${f.int(a.met + a.breached)})`
    }))
  const W = 560
  const left = 150
  const x = left + target * (W - left - 140)
  const H = 20 + rows.length * 26 + 10
  const line =
    `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="8" y2="${H - 4}" stroke="${INK}" stroke-width="1.5" stroke-dasharray="5 3"/>` +
    text(x + 4, 10, `${l.target} ${f.pct(target)}`, 'class="tick"')
  const c = hbars('chart-attainment', l.attainment, rows, 1, line)
  return { ...c, desc: `${c.desc}; ${l.target} ${f.pct(target)}` }
}

const distributionChart = (r: CustomerReport, l: Labels, f: Format): Chart => {
  const id = 'chart-times'
  const W = 760
  const H = 230
  const left = 40
  const bottom = 44
  const top = 30
  const resp = r.times.response.distribution
  const reso = r.times.resolution.distribution
  const max = niceMax(Math.max(0, ...resp.map((b) => b.count), ...reso.map((b) => b.count)))
  const slot = (W - left - 10) / resp.length
  const bar = slot * 0.35
  const y = (n: number) => H - bottom - (n / max) * (H - bottom - top)
  let body = ''
  for (const t of [0, max / 2, max])
    body +=
      `<line x1="${left}" x2="${W - 10}" y1="${y(t)}" y2="${y(t)}" stroke="${LIGHT}"/>` +
      text(left - 6, y(t) + 4, f.int(t), 'text-anchor="end" class="tick"')
  const bandLabel = (i: number): string => {
    const b = resp[i]
    const prev = resp[resp.length - 2]
    return b?.upTo !== undefined ? `≤ ${f.dur(b.upTo)}` : `${l.over} ${f.dur(prev?.upTo)}`
  }
  resp.forEach((b, i) => {
    const x = left + i * slot + slot * 0.15
    const c2 = reso[i]?.count ?? 0
    body +=
      rect(x, y(b.count), bar, H - bottom - y(b.count), INK) +
      rect(x + bar, y(c2), bar, H - bottom - y(c2), `url(#${id}-hatch)`)
    body += text(x + bar, H - bottom + 16, bandLabel(i), 'text-anchor="middle" class="tick"')
  })
  body += legend(id, left, 16, [
    [l.metrics.response, INK],
    [l.metrics.resolution, 'HATCH']
  ])
  const desc = resp
    .map(
      (b, i) =>
        `${bandLabel(i)}: ${l.metrics.response} ${f.int(b.count)}, ${l.metrics.resolution} ${f.int(reso[i]?.count ?? 0)}`
    )
    .join('; ')
  return { id, title: `${l.distribution}: ${l.times}`, desc, body, width: W, height: H }
}

const satisfactionChart = (r: CustomerReport, l: Labels, f: Format): Chart => {
  const id = 'chart-satisfaction'
  const s = r.satisfaction
  const W = 560
  const H = 90
  const left = 10
  const width = W - 20
  const parts: ReadonlyArray<readonly [string, number, string]> = [
    [l.positive, s.positive, INK],
    [l.neutral, s.neutral, LIGHT],
    [l.negative, s.negative, `url(#${id}-hatch)`]
  ]
  let x = left
  let body = ''
  for (const [, n, fill] of parts) {
    const w = s.ratings === 0 ? 0 : (n / s.ratings) * width
    body += rect(x, 30, w, 26, fill)
    if (w > 40)
      body += text(
        x + w / 2,
        48,
        f.int(n),
        `text-anchor="middle" class="value" style="fill:${fill === INK ? '#fff' : INK}"`
      )
    x += w
  }
  if (s.ratings === 0) body += rect(left, 30, width, 26, '#fff', `stroke-dasharray="4 3"`)
  body += legend(id, left, 16, [
    [`${l.positive} ${f.int(s.positive)}`, INK],
    [`${l.neutral} ${f.int(s.neutral)}`, LIGHT],
    [`${l.negative} ${f.int(s.negative)}`, 'HATCH']
  ])
  body += text(
    left,
    80,
    `${l.netCsat} ${f.num(s.netCsat)} · ${l.csat} ${f.num(s.csat)} · ${l.ratings} ${f.int(s.ratings)}${s.fewRatings ? ` (${l.fewRatings})` : ''}`,
    'class="label"'
  )
  return {
    id,
    title: l.satisfaction,
    desc: parts.map(([label, n]) => `${label}: ${f.int(n)}`).join('; ') + `; ${l.netCsat} ${f.num(s.netCsat)}`,
    body,
    width: W,
    height: H
  }
}

/** A column is numeric when every cell starts with a digit or a sign, or is empty. */
const numericColumns = (s: Section, none: string): ReadonlyArray<boolean> =>
  s.head.map(
    (_, i) =>
      i > 0 && s.rows.every((r) => /^([−+-]?\d|$)/.test(r[i] ?? '') || r[i] === none || /^\d+ \(/.test(r[i] ?? ''))
  )

const table = (s: Section, none: string, rows: ReadonlyArray<ReadonlyArray<string>> = s.rows): string => {
  if (rows.length === 0) return `<p class="none">${esc(none)}</p>`
  const num = numericColumns({ ...s, rows }, none)
  const cls = (i: number) => (num[i] === true ? ' class="n"' : '')
  return `<table><thead><tr>${s.head.map((h, i) => `<th scope="col"${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${cls(i)}>${esc(c)}</td>`)).join('')}</tr>`
    )
    .join('')}</tbody></table>`
}

const figure = (c: Chart): string => `<figure>${svg(c)}<figcaption>${esc(c.title)}</figcaption></figure>`

const css = `
:root{color:${INK};font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:14px;line-height:1.45}
body{margin:0;background:#fff}
main{max-width:800px;margin:0 auto;padding:24px}
header{border-bottom:3px solid ${INK};padding-bottom:12px;margin-bottom:16px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid ${LIGHT};padding-bottom:4px}
.meta{color:#3d4b59;margin:0}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.card{border:1.5px solid ${INK};border-radius:6px;padding:8px 12px;min-width:120px}
.card b{display:block;font-size:22px}
.card span{font-size:12px;color:#3d4b59}
table{border-collapse:collapse;width:100%;margin:8px 0 4px;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid ${LIGHT};padding:3px 8px;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid ${INK};font-size:12px}
.n{text-align:right;white-space:nowrap}
tbody th{white-space:nowrap}
figure{margin:8px 0}
figcaption{font-size:12px;color:#3d4b59}
svg.chart{max-width:100%;height:auto}
svg text{font-family:inherit;font-size:11px;fill:${INK}}
svg text.legend,svg text.label{font-size:12px}
svg text.value{font-size:12px;font-weight:600}
.few{font-style:italic}
footer{margin-top:32px;font-size:11px;color:#3d4b59;border-top:1px solid ${LIGHT};padding-top:8px}
@media print{main{max-width:none;padding:0}section{break-inside:avoid}h2{break-after:avoid}.card{break-inside:avoid}}
@page{margin:16mm}
`

/**
 * A customer's service-level report as one self-contained HTML page: inline CSS and inline SVG
 * charts (tickets per day, per priority, attainment per metric against the target, the
 * distribution of response and resolution times, the satisfaction split), each with a text
 * alternative and its table underneath; no script, nothing fetched (a content security policy
 * forbids it), legible in black and white, and it prints cleanly to PDF.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { Calendar, Report, Sla } from 'itsm-kit'
 * const agreement = Sla.makeAgreement({ customer: 'Fjord AS', calendar: Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' }), policy: Sla.examplePolicy })
 * const report = pipe(agreement, E.flatMap((a) => pipe([], Report.serviceLevel({ agreements: [a], period: { _tag: 'Month', year: 2025, month: 3 } }))))
 * const pages = pipe(report, E.map((r) => r.customers.map(Report.toHtml({ labels: Report.nb }))))
 * const ok = (html: string) => html.includes('<title>Tjenestenivårapport: Fjord AS, 2025-03</title>') && !html.includes('<script')
 * assert.deepStrictEqual(pipe(pages, E.map((ps) => ps.map(ok))), E.right([true]))
 * ```
 * @category conversions
 * @since 0.2.0
 */
export const toHtml =
  (options: HtmlOptions = {}) =>
  (self: CustomerReport): string =>
    safely(() => {
      const l = options.labels ?? en
      const f = formatFor(l, self.zone)
      const target =
        typeof options.attainmentTarget === 'number' && options.attainmentTarget >= 0 && options.attainmentTarget <= 1
          ? options.attainmentTarget
          : 0.9
      const sections = new Map(sectionsOf(self, l).map((s) => [s.id, s]))
      const sec = (id: string): Section => sections.get(id) as Section
      const attainment = (m: string) => self.attainment.find((a) => a.metric === m && a.priority === '*')?.attainment
      const s = self.satisfaction
      const cards: ReadonlyArray<readonly [string, string]> = [
        [l.opened, f.int(self.volume.opened)],
        [l.resolved, f.int(self.volume.resolved)],
        [l.headlines.responseAttainment, f.pct(attainment('response'))],
        [l.headlines.resolutionAttainment, f.pct(attainment('resolution'))],
        [l.netCsat, f.num(s.netCsat) + (s.fewRatings && s.ratings > 0 ? '*' : '')]
      ]
      const priorities = Object.entries(self.volume.byPriority)
      const part = (id: string, title: string, content: string): string =>
        `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(title)}</h2>${content}</section>`
      const body = [
        `<header><h1>${esc(l.serviceLevelReport)}: ${esc(self.customer)}</h1>`,
        `<p class="meta">${esc(l.period)}: ${esc(self.period.label)} (${esc(f.dateTime(self.period.from))} – ${esc(f.dateTime(self.period.to))}) · ${esc(l.asOf)}: ${esc(f.dateTime(self.asOf))} · ${esc(self.zone)} · ${esc(l.policy)}: ${esc(self.policy)}</p></header>`,
        `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">${esc(l.summary)}</h2><div class="cards">${cards.map(([k, v]) => `<div class="card"><b>${esc(v)}</b><span>${esc(k)}</span></div>`).join('')}</div>${
          s.fewRatings && s.ratings > 0 ? `<p class="few">* ${esc(l.fewRatings)}</p>` : ''
        }</section>`,
        part(
          'volume',
          l.volume,
          figure(perDayChart(self, l, f)) +
            table(
              sec('days'),
              l.none,
              sec('days').rows.filter((r) => r[1] !== '0' || r[2] !== '0')
            ) +
            figure(
              hbars(
                'chart-priority',
                l.byPriority,
                priorities.map(([p, n]) => ({ label: p, value: n, shown: f.int(n) })),
                Math.max(1, ...priorities.map(([, n]) => n))
              )
            ) +
            table(sec('volume'), l.none)
        ),
        part('times', l.times, figure(distributionChart(self, l, f)) + table(sec('times'), l.none)),
        part(
          'attainment',
          l.attainment,
          figure(attainmentChart(self, l, f, target)) + table(sec('attainment'), l.none)
        ),
        part(
          'breaches',
          l.breaches,
          self.breaches.length === 0 ? `<p>${esc(l.noBreaches)}</p>` : table(sec('breaches'), l.none)
        ),
        part('resolution', l.resolutionQuality, table(sec('resolution'), l.none)),
        part('escalations', l.escalations, table(sec('escalations'), l.none)),
        part(
          'workarounds',
          l.workarounds,
          table(sec('workarounds'), l.none) +
            (self.workarounds.running.length + self.workarounds.knownErrors.length === 0
              ? ''
              : table(sec('onWorkaround'), l.none))
        ),
        part(
          'satisfaction',
          l.satisfaction,
          figure(satisfactionChart(self, l, f)) + table(sec('satisfaction'), l.none)
        ),
        part('comparison', sec('comparison').title, table(sec('comparison'), l.none)),
        `<footer><b>${esc(l.definitions)}.</b> ${esc(definitions)}</footer>`
      ].join('\n')
      return `<!doctype html>
  <html lang="${esc(l.locale.slice(0, 2))}">
  <head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${esc(l.serviceLevelReport)}: ${esc(self.customer)}, ${esc(self.period.label)}</title>
  <style>${css}</style>
  </head>
  <body><main>
  ${body}
  </main></body>
  </html>
  `
    }, '')
