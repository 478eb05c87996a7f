import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * The same sample of due dates, SLA evaluations (with explanations) and escalation decisions,
 * computed in child processes under four host time zones, must be identical byte for byte: the
 * library never reads the host's zone.
 */
const script = fileURLToPath(new URL('./hostZones/sample.ts', import.meta.url))
const zones = ['UTC', 'Pacific/Chatham', 'America/Los_Angeles', 'Asia/Kathmandu'] as const

const runUnder = (tz: string): { readonly offset: string; readonly body: string } => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  if (child.status !== 0) throw new Error(`the sample failed under TZ=${tz}: ${child.stderr.slice(0, 2000)}`)
  const newline = child.stdout.indexOf('\n')
  return { offset: child.stdout.slice(0, newline), body: child.stdout.slice(newline + 1) }
}

describe('results do not depend on the host time zone', () => {
  it('due dates, SLA evaluations and escalation decisions are byte for byte the same under UTC, Chatham, Los Angeles and Kathmandu', () => {
    const runs = zones.map(runUnder)
    // each child did run in its zone: the host offsets of one instant differ (0, -825, 480, -345 minutes)
    expect(runs.map((r) => r.offset)).toStrictEqual(['0', '-825', '480', '-345'])
    const [first, ...rest] = runs.map((r) => r.body)
    for (const body of rest) expect(body === first).toBe(true)
    // and the sample is substantial: evaluations with metrics, decisions, due dates
    const sample = JSON.parse(first as string) as ReadonlyArray<{
      sla: { _tag: string; right?: { metrics: ReadonlyArray<unknown> } }
      escalation: { _tag: string; right?: ReadonlyArray<unknown> }
    }>
    expect(sample.length).toBe(60)
    expect(sample.every((s) => s.sla._tag === 'Right' && s.escalation._tag === 'Right')).toBe(true)
    expect(sample.filter((s) => (s.escalation.right ?? []).length > 0).length).toBeGreaterThan(10)
    expect(sample.reduce((n, s) => n + (s.sla.right?.metrics.length ?? 0), 0)).toBeGreaterThan(200)
  }, 120_000)
})
