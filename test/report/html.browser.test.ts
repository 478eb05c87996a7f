/**
 * The HTML report in a real browser: Debian's headless Chromium opens the file, the test reads the
 * rendered text of every section and checks the figures, writes a screenshot (and a PDF) under
 * `test/artifacts/`, and fails if the page tries any network request.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { pipe } from 'fp-ts/lib/function.js'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Report } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'
import { agreements } from './desk.js'
import { march } from './march.js'

const artifacts = resolve('test/artifacts')
const report = getRight(
  pipe(
    march,
    Report.serviceLevel({
      agreements: agreements.filter((a) => a.customer === 'Fjord AS'),
      period: { _tag: 'Month', year: 2025, month: 3 }
    })
  )
)
const fjord = report.customers[0] as Report.CustomerReport

let context: BrowserContext
let browser: Browser | undefined
let profile: string

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  profile = mkdtempSync(join(tmpdir(), 'itsm-kit-chromium-'))
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ],
    viewport: { width: 900, height: 1200 }
  })
  browser = context.browser() ?? undefined
}, 60_000)

afterAll(async () => {
  await context?.close()
  await browser?.close()
  rmSync(profile, { recursive: true, force: true })
})

/** Opens an HTML file and records every request other than the file itself, and every blocked load. */
const open = async (name: string, html: string) => {
  const file = join(artifacts, name)
  writeFileSync(file, html)
  const url = pathToFileURL(file).href
  const page = await context.newPage()
  const attempts: string[] = []
  page.on('request', (r) => {
    if (r.url() !== url) attempts.push(r.url())
  })
  page.on('console', (m) => {
    if (/Refused to|Content Security Policy/i.test(m.text())) attempts.push(m.text())
  })
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()))
  await page.goto(url, { waitUntil: 'load' })
  return { page, attempts }
}

describe('the March report of Fjord AS in headless Chromium', () => {
  it('shows every section with the right figures, makes no request, and is captured as a screenshot and a PDF', async () => {
    const { page, attempts } = await open('report-march-en.html', Report.toHtml()(fjord))
    const text = async (id: string) => (await page.locator(`#${id}`).innerText()).replace(/\s+/g, ' ')
    expect(await page.title()).toBe('Service-level report: Fjord AS, 2025-03')
    expect(await text('summary')).toMatch(
      /4 Opened 4 Resolved 75\.0% Response kept 100\.0% Resolution kept 0\.0\* Net CSAT/
    )
    const volume = await text('volume')
    expect(volume).toContain('2025-03-03 1 2')
    // the chart's table lists the days with tickets; the quiet days are in the chart, CSV and JSON
    expect(volume).not.toContain('2025-03-02')
    expect(volume).toContain('Open at start 1')
    expect(volume).toContain('By priority: P3 2')
    const times = await text('times')
    expect(times).toContain('Response All 4 46 min 30 min 2 h 2 h')
    expect(times).toContain('Resolution All 4 7 h 20 min 6 h 16 h 16 h')
    expect(await text('attainment')).toContain('Response All 3 1 1 75.0%')
    const breaches = await text('breaches')
    expect(breaches).toContain(
      'INC-2 Response P2 04/03/2025, 16:00 05/03/2025, 09:00 1 h closed 04/03/2025, 16:00–05/03/2025, 08:00'
    )
    expect(breaches).toContain('INC-4 Update P3 31/03/2025, 14:30 running 1 h 30 min')
    expect(await text('resolution')).toContain(
      'First-line resolution 3 75.0% First-contact resolution 2 50.0% Reopen rate 1 25.0%'
    )
    expect(await text('escalations')).toContain('L2 1')
    expect(await text('satisfaction')).toContain('Ratings 3 (fewer than 30 ratings)')
    expect(await text('satisfaction')).toContain('CSAT 33.3')
    expect(await text('comparison')).toContain('Opened 4 1 +3')
    // five charts, each with a text alternative and a table under it
    const charts = page.locator('svg[role="img"]')
    expect(await charts.count()).toBe(5)
    for (let i = 0; i < 5; i++) {
      const c = charts.nth(i)
      expect((await c.locator('title').textContent())?.length).toBeGreaterThan(3)
      expect((await c.locator('desc').textContent())?.length).toBeGreaterThan(3)
      expect(await c.evaluate((svg) => svg.closest('section')?.querySelector('table') !== null)).toBe(true)
    }
    await page.screenshot({ path: join(artifacts, 'report-march-en.png'), fullPage: true })
    const pdf = await page.pdf({ format: 'A4', printBackground: false })
    writeFileSync(join(artifacts, 'report-march-en.pdf'), pdf)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(attempts).toStrictEqual([])
  }, 60_000)

  it('renders in Norwegian with Norwegian number formats', async () => {
    const { page, attempts } = await open('report-march-nb.html', Report.toHtml({ labels: Report.nb })(fjord))
    expect(await page.title()).toBe('Tjenestenivårapport: Fjord AS, 2025-03')
    const summary = (await page.locator('#summary').innerText()).replace(/\s+/g, ' ')
    expect(summary).toContain('75,0 % Respons overholdt')
    await page.screenshot({ path: join(artifacts, 'report-march-nb.png'), fullPage: true })
    expect(attempts).toStrictEqual([])
  }, 60_000)

  it('the detector catches a page that does try a request (control)', async () => {
    const { page, attempts } = await open(
      'control.html',
      '<!doctype html><title>x</title><img src="http://example.invalid/logo.png" alt="">'
    )
    await page.waitForTimeout(200)
    expect(attempts.length).toBeGreaterThan(0)
  }, 60_000)
})
