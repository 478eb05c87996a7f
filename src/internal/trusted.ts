/**
 * The timeline the library is reading now, which no caller has seen: made by `Ticket.timeline`
 * inside the library (or copied from one) and read only there, so its shape need not be checked
 * again. It is kept with the instant of its history's last event (nothing in it is later). One at
 * a time: marking a timeline forgets the one before, and nothing else is kept.
 *
 * @internal
 * @packageDocumentation
 */

let current: object | undefined
let currentLastAt = 0

/** Marks a timeline the library made and keeps to itself, with the instant of its last event. @internal */
export const trustTimeline = (timeline: object, lastAt: number): void => {
  current = timeline
  currentLastAt = lastAt
}

/** The instant of the last event of the timeline last marked by {@link trustTimeline}, if `timeline` is that one. @internal */
export const trustedUntil = (timeline: unknown): number | undefined =>
  current !== undefined && timeline === current ? currentLastAt : undefined
