import { describe, expect, it } from 'vitest'
import { Priority, Sla, type Time } from '../../src/index.js'
import { getLeft } from '../helpers/unsafe.js'

const h = (n: number): Sla.Target => ({ _tag: 'BusinessTime', duration: (n * 3_600_000) as Time.Duration })

describe('SLA policy errors', () => {
  it('a priority of the matrix without a target', () => {
    const resolution = Sla.examplePolicy.metrics.resolution as Sla.MetricPolicy
    const { P5: _, ...four } = resolution.targets
    const e = getLeft(
      Sla.make(
        {
          ...Sla.examplePolicy,
          metrics: { ...Sla.examplePolicy.metrics, resolution: { ...resolution, targets: four } }
        },
        { matrix: Priority.itilDefault }
      )
    )
    expect(e).toStrictEqual({
      _tag: 'MissingTarget',
      path: 'metrics.resolution.targets',
      message:
        'metrics.resolution.targets: expected a target for every priority of the matrix ("P1", "P2", "P3", "P4", "P5"), received none for "P5"'
    })
  })

  it('a response target longer than the resolution target', () => {
    const e = getLeft(
      Sla.make({
        _tag: 'SlaPolicy',
        name: 'Odd',
        warnings: [],
        metrics: {
          response: { targets: { P1: h(8) }, pauseWhileAwaiting: [], reopen: 'resume' },
          resolution: { targets: { P1: h(4) }, pauseWhileAwaiting: [], reopen: 'resume' }
        }
      })
    )
    expect(e.message).toBe(
      'metrics.response.targets.P1: expected a response target no longer than the resolution target (PT4H), received PT8H'
    )
  })

  it('thresholds outside 0–1', () => {
    expect(getLeft(Sla.make({ ...Sla.examplePolicy, warnings: [1.5] })).message).toBe(
      'warnings[0]: expected a fraction strictly between 0 and 1, received 1.5'
    )
  })

  it('malformed JSON: every problem with its path', () => {
    const e = getLeft(
      Sla.decodePolicy({
        _tag: 'SlaPolicy',
        name: '',
        warnings: [0.5],
        metrics: {
          resolution: {
            targets: { P1: { _tag: 'BusinessTime', duration: '-PT4H' } },
            pauseWhileAwaiting: ['boss'],
            reopen: 'never'
          }
        }
      })
    )
    expect(e.message.split('\n')).toStrictEqual([
      'name: expected a name of 1 to 200 characters, received ""',
      'metrics.resolution.targets.P1.duration: expected a non-negative ISO-8601 duration such as "PT4H", received "-PT4H"',
      'metrics.resolution.pauseWhileAwaiting[0]: expected one of "customer" | "thirdParty" | "vendor", received "boss"',
      'metrics.resolution.reopen: expected one of "resume" | "restart" | "firstCloseOnly", received "never"'
    ])
  })

  it('a misspelt metric or kind is reported, not silently ignored', () => {
    const resolution = Sla.encodePolicy(Sla.examplePolicy) as { readonly metrics: { readonly resolution: unknown } }
    const e = getLeft(
      Sla.decodePolicy({
        _tag: 'SlaPolicy',
        name: 'Gold',
        warnings: [],
        metrics: { resolutoin: resolution.metrics.resolution }
      })
    )
    expect(e.message).toBe(
      'metrics.resolutoin: expected no property "resolutoin" here (known: response, resolution, update, restore), received an object'
    )
  })
})

describe('agreements', () => {
  it('name the path inside the agreement, for the calendar and for the policy', async () => {
    const { Calendar } = await import('../../src/index.js')
    const calendar = Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00' })
    expect(
      getLeft(Sla.makeAgreement({ calendar: { ...calendar, zone: 'Mars/Base' }, policy: Sla.examplePolicy })).message
    ).toBe(
      'calendar.zone: expected an IANA time zone known to this runtime (such as "Europe/Oslo"), received "Mars/Base"'
    )
    expect(getLeft(Sla.makeAgreement({ calendar, policy: { ...Sla.examplePolicy, warnings: [2] } })).message).toBe(
      'policy.warnings[0]: expected a fraction strictly between 0 and 1, received 2'
    )
    expect(getLeft(Sla.decodeAgreement({ customer: '', calendar: 7 })).message.split('\n')).toStrictEqual([
      'calendar: expected a calendar spec, received 7',
      'policy: expected an SLA policy, received nothing',
      'customer: expected a customer id of 1 to 200 characters, received ""'
    ])
  })
})
