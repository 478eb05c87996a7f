/**
 * March 2025 at Fjord AS (Oslo, Mon–Fri 08–16, example policy): five tickets whose figures are
 * worked out by hand in `serviceLevel.test.ts` and in `docs/reports.md`.
 */
import type { Ticket } from '../../src/index.js'
import { history, ola } from './desk.js'

const open = (id: string, extra: Partial<Ticket.Open> = {}) =>
  ({
    _tag: 'Open',
    ticketId: id as Ticket.TicketId,
    channel: 'phone',
    customer: 'Fjord AS',
    requester: 'ola',
    title: 'Something',
    kind: 'incident',
    ...extra
  }) as const

export const march: ReadonlyArray<ReadonlyArray<Ticket.TicketEvent>> = [
  // P3: answered in 30 min, fixed in 4 h, rated 5
  history([
    ['2025-03-03T09:00', open('INC-1')],
    ['2025-03-03T09:00', { _tag: 'Prioritise', urgency: 'medium', impact: 'medium' }],
    ['2025-03-03T09:30', { _tag: 'Reply', message: 'On it' }],
    ['2025-03-03T13:00', { _tag: 'Resolve', code: 'fixed', note: 'Fixed' }],
    ['2025-03-03T14:00', { _tag: 'Rate', score: 5, actor: ola }]
  ]),
  // P2 opened Tuesday 15:00: first reply Wednesday 09:00 (2 h: breached at 16:00 Tuesday), escalated, fixed at 8 h exactly, rated 1
  history([
    ['2025-03-04T15:00', open('INC-2', { channel: 'email' })],
    ['2025-03-04T15:00', { _tag: 'Prioritise', urgency: 'high', impact: 'medium' }],
    ['2025-03-05T09:00', { _tag: 'Reply', message: 'Looking' }],
    ['2025-03-05T10:00', { _tag: 'Escalate', toTier: 'L2', note: 'Needs network' }],
    ['2025-03-05T15:00', { _tag: 'Resolve', code: 'fixed', note: 'Fixed' }],
    ['2025-03-05T15:30', { _tag: 'Rate', score: 1, actor: ola }]
  ]),
  // P4 opened in February, resolved Monday 3 March 10:00 after 16 business hours, rated 3
  history([
    ['2025-02-27T10:00', open('INC-3')],
    ['2025-02-27T10:00', { _tag: 'Prioritise', urgency: 'medium', impact: 'low' }],
    ['2025-02-27T10:10', { _tag: 'Reply', message: 'Noted' }],
    ['2025-03-03T10:00', { _tag: 'Resolve', code: 'fixed', note: 'Fixed' }],
    ['2025-03-03T11:00', { _tag: 'Rate', score: 3, actor: ola }]
  ]),
  // P3 opened Friday 28 March, still open at the end of the month
  history([
    ['2025-03-28T14:00', open('INC-4', { channel: 'portal' })],
    ['2025-03-28T14:00', { _tag: 'Prioritise', urgency: 'medium', impact: 'medium' }],
    ['2025-03-28T14:30', { _tag: 'Reply', message: 'Seen' }]
  ]),
  // P5: two replies, resolved, rejected by the customer, resolved again the next day
  history([
    ['2025-03-10T09:00', open('REQ-5', { kind: 'serviceRequest', channel: 'chat' })],
    ['2025-03-10T09:00', { _tag: 'Prioritise', urgency: 'low', impact: 'low' }],
    ['2025-03-10T09:05', { _tag: 'Reply', message: 'Hi' }],
    ['2025-03-10T09:10', { _tag: 'Reply', message: 'Done?' }],
    ['2025-03-10T09:20', { _tag: 'Resolve', code: 'fulfilled', note: 'Done' }],
    ['2025-03-11T09:00', { _tag: 'Reject', reason: 'Not quite', actor: ola }],
    ['2025-03-11T10:00', { _tag: 'Resolve', code: 'fulfilled', note: 'Done now' }]
  ])
]
