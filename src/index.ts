/**
 * itsm-kit: the rules of an IT service desk as immutable data and pure functions.
 *
 * Each concept is a namespace: {@link Time} for instants and durations, {@link Calendar} for
 * business calendars and business-time arithmetic, {@link Priority} for the urgency × impact
 * matrix, {@link Kind} for ticket kinds and channels, {@link Classification} for categories and the
 * classifier, {@link Ticket} for the
 * event-sourced ticket lifecycle, {@link Sla} for service-level clocks, {@link Escalation} for
 * escalation tiers and notices, {@link Workaround} for workarounds and known errors, {@link Report}
 * for the morning status and service-level reports. The raw io-ts codecs of the JSON wire form
 * are a separate entry, `itsm-kit/codec`.
 *
 * @packageDocumentation
 */
export * as Time from './time/index.js'
export * as Calendar from './calendar/index.js'
export * as Priority from './priority/index.js'
export * as Kind from './kind/index.js'
export * as Classification from './classification/index.js'
export * as Ticket from './ticket/index.js'
export * as Sla from './sla/index.js'
export * as Workaround from './workaround/index.js'
export * as Escalation from './escalation/index.js'
export * as Report from './report/index.js'
