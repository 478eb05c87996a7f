/**
 * A customer on a dense calendar, for the limit on breach explanations: Tett AS's desk (Oslo,
 * Norwegian holidays) opens 48 times every weekday, for the first quarter of every half-hour
 * (00:00–00:15, 00:30–00:45, …, 23:30–23:45), so a clock that runs for weeks counts about a
 * thousand open intervals. Its tickets in March 2025, under the example policy.
 */
import { Calendar, Sla, type Ticket } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'
import { history, type Step } from './desk.js'

const pad = (n: number): string => String(n).padStart(2, '0')
const quarters: ReadonlyArray<Calendar.OpeningHours> = Array.from({ length: 24 }, (_, h) => [
  { opens: `${pad(h)}:00`, closes: `${pad(h)}:15` },
  { opens: `${pad(h)}:30`, closes: `${pad(h)}:45` }
]).flat()

export const denseCalendar = getRight(
  Calendar.make({
    zone: 'Europe/Oslo',
    weekly: { mon: quarters, tue: quarters, wed: quarters, thu: quarters, fri: quarters },
    holidays: Calendar.publicHolidays.NO
  })
)
export const tett: Sla.Agreement = { customer: 'Tett AS', policy: Sla.examplePolicy, calendar: denseCalendar }

const open = (id: string): Step => [
  '',
  {
    _tag: 'Open',
    ticketId: id as Ticket.TicketId,
    channel: 'phone',
    customer: 'Tett AS',
    requester: 'ola',
    title: 'Slow',
    kind: 'incident'
  }
]
const at = (wall: string, [, c]: Step): Step => [wall, c]

/** The weekdays of March 2025 from the 4th: three waits for the customer on each, of half an hour. */
const waits: ReadonlyArray<Step> = Array.from({ length: 28 }, (_, i) => `2025-03-${pad(i + 4)}`)
  .filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()))
  .flatMap((d) =>
    ['10', '12', '14'].flatMap((h): Step[] => [
      [`${d}T${h}:00`, { _tag: 'Await', party: 'customer' }],
      [`${d}T${h}:30`, { _tag: 'Resume' }]
    ])
  )

export const denseMarch: ReadonlyArray<ReadonlyArray<Ticket.TicketEvent>> = [
  // P3 answered at once and never fixed: its resolution clock runs from Monday 3 March 09:00 to
  // the end of the month, 990 open intervals (30 on the 3rd, 48 on each of the 20 weekdays after)
  // and 990 closed stretches (the 989 between them and the last quarter-hour of the 31st)
  history([
    at('2025-03-03T09:00', open('INC-1')),
    ['2025-03-03T09:00', { _tag: 'Prioritise', urgency: 'medium', impact: 'medium' }],
    ['2025-03-03T09:05', { _tag: 'Reply', message: 'Looking' }]
  ]),
  // P3 that waits for the customer three times a weekday (60 waits) and is fixed on the 31st at
  // 15:00: from 09:00 on the 3rd its clocks count 972 open intervals (30 + 19 × 48 + 30) and skip
  // 972 closed stretches (the last 14:45–15:00), less the 60 of each that the waits cover
  history([
    at('2025-03-03T09:00', open('INC-2')),
    ['2025-03-03T09:00', { _tag: 'Prioritise', urgency: 'medium', impact: 'medium' }],
    ['2025-03-03T09:05', { _tag: 'Reply', message: 'Looking' }],
    ...waits,
    ['2025-03-31T15:00', { _tag: 'Resolve', code: 'fixed', note: 'Fixed' }]
  ]),
  // P1 answered after two hours (response breached, a short explanation) and fixed within its target
  history([
    at('2025-03-05T09:00', open('INC-3')),
    ['2025-03-05T09:00', { _tag: 'Prioritise', urgency: 'high', impact: 'high' }],
    ['2025-03-05T11:00', { _tag: 'Reply', message: 'Looking' }],
    ['2025-03-05T11:30', { _tag: 'Resolve', code: 'fixed', note: 'Fixed' }]
  ])
]
