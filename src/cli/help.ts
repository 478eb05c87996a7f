// The help of every command, with examples that run as written (from the folder `itsm-kit demo` writes).
/** @internal */
export const help: Readonly<Record<string, string>> = {
  main: `itsm-kit — service-desk rules from the command line

Usage: itsm-kit <command> [options]   (itsm-kit <command> --help for its options and examples)

Commands:
  due        the due instant of a business-time duration from an instant
  between    the business time between two instants
  holidays   a country's public holidays, or a calendar's closed days (table, JSON, iCalendar)
  check      validate calendars, priority matrices, classification rules, SLA policies,
             agreements and escalation policies
  replay     check every ticket history of an NDJSON event log
  sla        the clocks of every open ticket, soonest to run out first
  status     the morning status of every customer
  report     a period's service-level report per customer (Markdown, CSV, JSON, HTML)
  demo       all of the above on a built-in month of a Nordic desk

Exit status: 0 success, 1 findings (invalid input, problems in a log, breaches with
--fail-on-breach), 2 usage errors. Formats: docs/cli.md.
`,
  due: `itsm-kit due — the instant a business-time duration runs out

Usage: itsm-kit due --from INSTANT --duration DURATION (--calendar FILE | --zone ZONE [--hours HH:MM-HH:MM] [--holidays CC]) [--explain] [--json]

  --from       ISO 8601 instant with offset, or a local time read in the calendar's zone
  --duration   PT4H, 4h, 90m, 1h30m (business time)
  --calendar   a calendar spec (JSON); or --zone with --hours (default 08:00-16:00, Mon–Fri)
               and --holidays SE|NO|FI|PL
  --explain    print the open intervals that were counted (the first 1 000, then the rest
               summed on one line)

Examples:
  itsm-kit due --zone Europe/Oslo --hours 08:00-16:00 --holidays NO --from 2025-03-07T15:30 --duration 4h
  itsm-kit due --calendar calendar-oslo.json --from 2026-04-01T14:00:00+02:00 --duration PT8H --explain
`,
  between: `itsm-kit between — the business time between two instants

Usage: itsm-kit between --from INSTANT --to INSTANT (--calendar FILE | --zone ZONE [--hours ..] [--holidays CC]) [--explain] [--json]

Examples:
  itsm-kit between --zone Europe/Oslo --holidays NO --from 2026-04-01T15:00 --to 2026-04-07T09:00 --explain
  itsm-kit between --calendar calendar-oslo.json --from 2026-03-02T09:00:00+01:00 --to 2026-03-03T09:00:00+01:00 --json
`,
  holidays: `itsm-kit holidays — public holidays, or the closed days of a calendar

Usage: itsm-kit holidays COUNTRY YEAR [--to YEAR] [--format table|json|ics]
       itsm-kit holidays --calendar FILE --year YEAR [--to YEAR] [--format table|json|ics]

  COUNTRY     SE, NO, FI or PL
  --calendar  lists the spec's holidays and its exceptions (closed days and special hours)
  --format    ics writes an iCalendar file (RFC 5545) a calendar app imports

Examples:
  itsm-kit holidays NO 2026
  itsm-kit holidays SE 2026 --to 2027 --format ics > se-holidays.ics
  itsm-kit holidays --calendar calendar-oslo.json --year 2026
`,
  check: `itsm-kit check — validate JSON files a desk keeps

Usage: itsm-kit check FILE... [--kind calendar|matrix|classifier|policy|agreement|agreements|escalation]

The kind is recognised from the file's shape unless --kind is given. Every problem is printed
as FILE:LINE: PATH: expected …, received …; exit status 1 when any file has a problem.

Examples:
  itsm-kit check agreements.json calendar-oslo.json
  itsm-kit check --kind policy policy.json
`,
  replay: `itsm-kit replay — check every ticket history of an event log

Usage: itsm-kit replay [LOG...] [--agreements FILE] [--format table|json] [--quiet]

LOG is NDJSON (one event per line), gzip-compressed or not; none or - reads standard input.
Prints a summary and, for each unreadable line or impossible history, the file, line, ticket,
event index and the rule broken. With --agreements, tickets of unknown customers are problems too.
Exit status 1 when there is any problem.

Examples:
  itsm-kit replay events.ndjson
  gzip -c events.ndjson | itsm-kit replay --agreements agreements.json
`,
  sla: `itsm-kit sla — the clocks of every open ticket

Usage: itsm-kit sla [LOG...] --agreements FILE [--at INSTANT|now] [--format table|json|ndjson] [--fail-on-breach]

--at defaults to the last event's instant in the log (never the wall clock unless --at now).
Clocks are sorted by the instant they run out, breached first.

Examples:
  itsm-kit sla events.ndjson --agreements agreements.json
  itsm-kit sla events.ndjson --agreements agreements.json --at 2026-03-31T12:00:00+02:00 --format ndjson
`,
  status: `itsm-kit status — the morning status of every customer

Usage: itsm-kit status [LOG...] --agreements FILE [--at INSTANT|now] [--format table|md|json] [--zone ZONE] [--lang en|nb|sv|fi|pl]

Examples:
  itsm-kit status events.ndjson --agreements agreements.json --at 2026-04-01T08:00:00+02:00
  itsm-kit status events.ndjson --agreements agreements.json --format md --lang nb
`,
  report: `itsm-kit report — a period's service-level report per customer

Usage: itsm-kit report [LOG...] --agreements FILE --period PERIOD [--customer NAME]... [--as-of INSTANT]
                       [--format md|csv|json|html] [--out FILE | --split --out DIR] [--lang en|nb|sv|fi|pl] [--jobs N]

  --period   2026-03 (month), 2026-Q1, 2026-W10, 2026-03-02 (day), or FROM/TO instants
  --split    one file per customer into the folder --out
  --jobs     N worker threads, tickets sharded by id; the report is identical to one thread
             (standard input is read on one thread)

Examples:
  itsm-kit report events.ndjson --agreements agreements.json --period 2026-03
  itsm-kit report events.ndjson --agreements agreements.json --period 2026-03 --customer "Fjord Regnskap AS" --format html --out fjord.html
  gzip -kf events.ndjson && itsm-kit report events.ndjson.gz --agreements agreements.json --period 2026-03 --format csv --split --out reports --jobs 2
`,
  demo: `itsm-kit demo — every command on a built-in month of a Nordic desk

Usage: itsm-kit demo [--out DIR]

Writes a deterministic March 2026 of a desk serving four customers in Norway, Sweden and Finland
(events.ndjson, agreements.json, calendar-oslo.json, policy.json, escalation.json) into DIR
(default itsm-kit-demo), runs every command on them and writes the reports there.

Example:
  itsm-kit demo --out /tmp/desk && itsm-kit sla /tmp/desk/events.ndjson --agreements /tmp/desk/agreements.json
`
}
