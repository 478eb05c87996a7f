import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expectTypeOf, it } from 'vitest'
import { Calendar, Time } from '../../src/index.js'
import { compile, hours, instant } from '../helpers/unsafe.js'

describe('data-last operations infer inside pipe', () => {
  const cal = compile(Calendar.alwaysOpen)
  const at = instant('2025-01-01T00:00:00Z')

  it('queries return branded values', () => {
    expectTypeOf(pipe(cal, Calendar.addBusinessTime(at, hours(1)))).toEqualTypeOf<Time.Instant>()
    expectTypeOf(pipe(cal, Calendar.businessTimeBetween(at, at))).toEqualTypeOf<Time.Duration>()
    expectTypeOf(pipe(cal, Calendar.openIntervals(at, at))).toEqualTypeOf<ReadonlyArray<Calendar.OpenInterval>>()
    expectTypeOf(pipe(cal, Calendar.isOpen(at))).toEqualTypeOf<boolean>()
  })

  it('constructors compose in Either pipelines with widened errors', () => {
    const due = pipe(
      E.Do,
      E.apS('cal', Calendar.make(Calendar.alwaysOpen)),
      E.apSW('at', Time.fromISO('2025-01-01T00:00:00Z')),
      E.apSW('d', Time.makeDuration(4 * 3_600_000)),
      E.map(({ cal, at, d }) => pipe(cal, Calendar.addBusinessTime(at, d)))
    )
    expectTypeOf(due).toEqualTypeOf<
      E.Either<Calendar.CalendarError | Time.InvalidInstant | Time.InvalidDuration, Time.Instant>
    >()
  })

  it('a plain number is not an Instant or a Duration', () => {
    expectTypeOf<number>().not.toMatchTypeOf<Time.Instant>()
    expectTypeOf<number>().not.toMatchTypeOf<Time.Duration>()
    expectTypeOf<Time.Instant>().not.toMatchTypeOf<Time.Duration>()
  })
})
