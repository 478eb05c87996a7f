/**
 * Computes a fixed sample of due dates, SLA evaluations and escalation decisions and writes it
 * to stdout as JSON; `hostZones.test.ts` runs it under several host time zones (`TZ`) and
 * compares the outputs byte for byte. The first line says which zone the host believed it was
 * in (the offset of a fixed instant), so the test can tell that `TZ` took effect.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { Calendar, Escalation, Sla, type Time } from '../../../src/index.js'
import { clockCase } from '../../arbitraries/clocks.js'

const compile = (spec: Calendar.CalendarSpec): Calendar.BusinessCalendar => {
  const c = Calendar.make(spec)
  if (E.isLeft(c)) throw new Error(c.left.message)
  return c.right
}

const calendars: ReadonlyArray<Calendar.BusinessCalendar> = [
  compile(
    Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO })
  ),
  compile(Calendar.weekdays({ zone: 'Asia/Kathmandu', opens: '09:30', closes: '17:30' })),
  compile({ ...Calendar.alwaysOpen, zone: 'America/New_York' }),
  compile({
    zone: 'Australia/Lord_Howe',
    weekly: {
      mon: [
        { opens: '07:00', closes: '12:00' },
        { opens: '13:00', closes: '17:30' }
      ],
      sat: [{ opens: '22:00', closes: '06:00' }]
    }
  }),
  compile(Calendar.weekdays({ zone: 'Pacific/Chatham', opens: '08:00', closes: '16:00' }))
]
const policy: Sla.SlaPolicy = { ...Sla.examplePolicy, tiers: Escalation.tierTargets(Escalation.examplePolicy.tiers) }
const cases = fc.sample(clockCase, { seed: 20_251_130, numRuns: 60 })

const out = cases.map(({ events, now }, i) => {
  const calendar = calendars[i % calendars.length] as Calendar.BusinessCalendar
  const agreement = { policy, calendar }
  const opened = (events[0] as { readonly at: Time.Instant }).at
  return {
    zone: calendar.zone,
    due: ['P1', 'P2', 'P3', 'P4', 'P5'].map((priority) => Sla.dueDates(agreement)({ openedAt: opened, priority })),
    sla: Sla.evaluate(agreement, now, { explain: true })(events),
    escalation: Escalation.evaluate(Escalation.examplePolicy, agreement, now)(events)
  }
})

process.stdout.write(`${new Date(Date.UTC(2025, 0, 15)).getTimezoneOffset()}\n${JSON.stringify(out)}\n`)
