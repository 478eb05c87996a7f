/**
 * The written definitions every service-level report records (`parameters.definitions`), so two
 * reports can be compared honestly; `docs/reports.md` explains each with an example.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Report } from 'itsm-kit'
 * assert.strictEqual(Report.definitions.startsWith('itsm-kit report definitions 2'), true)
 * ```
 * @category constants
 * @since 0.2.0
 */
export const definitions = [
  'itsm-kit report definitions 2.',
  'Period [from, to): local midnights in the customer zone; previous period: the previous day, ISO week, month or quarter (a range: the same length just before). Figures as of asOf (default: to); events after asOf are ignored; the previous period is evaluated as of the same asOf.',
  'Opened: openedAt in the period. Resolved: the ticket has a resolution in the period, counted once on the day of its last resolution in the period. Backlog: tickets open (not resolved, closed or cancelled) at from and at min(to, asOf).',
  'Times: business time on the customer calendar without the pauses of the metric policy, of the response and resolution clocks that, as of asOf, stopped in the period; mean; median (mean of the two middle values for an even count); p90 by nearest rank (the value at rank ceil(0.9 n)); maximum.',
  'Met: a clock stopped in the period within target. Breached: its target ran out in the period (stopped later or still running). Stopped late: stopped in the period after its target ran out. Attainment: met / (met + breached). Reopened clocks follow the reopen policy of the metric; a clock under restart whose target ran out in an earlier cycle is ever breached: breached where that cycle ran out, and stopped late (never met) when a later cycle stops; its breach names the cycle.',
  'First-line resolution: resolved in the period and never escalated. First-contact: also at most one public reply before the first resolution. Reopen rate: resolved in the period and reopened at least once by asOf.',
  'Satisfaction: ratings given in the period; positive >= positiveFrom, negative <= negativeTo, the rest neutral; CSAT = 100 positive / ratings; Net CSAT = 100 (positive - negative) / ratings; response rate = ratings / resolved in the period; fewer than 30 ratings are flagged.'
].join(' ')
