import * as E from 'fp-ts/lib/Either.js'
import { Calendar, Time } from '../../src/index.js'

/** Test helper: the Right of an Either, or a failed test that shows the Left. */
export const getRight = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected a Right, received Left ${JSON.stringify(e.left)}`)
  return e.right
}

/** Test helper: the Left of an Either, or a failed test that shows the Right. */
export const getLeft = <L>(e: E.Either<L, unknown>): L => {
  if (E.isRight(e)) throw new Error(`expected a Left, received Right ${JSON.stringify(e.right)}`)
  return e.left
}

export const instant = (iso: string): Time.Instant => getRight(Time.fromISO(iso))
export const hours = Time.hours
export const minutes = Time.minutes
export const zone = (name: string): Time.IanaZone => getRight(Time.makeZone(name))
export const compile = (spec: Calendar.CalendarSpec): Calendar.BusinessCalendar => getRight(Calendar.make(spec))

/** Freezes a value and everything reachable from it, so that any mutation throws in strict mode. */
export const deepFreeze = <A>(a: A): A => {
  if (typeof a === 'object' && a !== null && !Object.isFrozen(a)) {
    Object.freeze(a)
    for (const v of Object.values(a)) deepFreeze(v)
  }
  return a
}
