import * as E from 'fp-ts/lib/Either.js'
import { flow } from 'fp-ts/lib/function.js'
import { Escalation, Sla } from '../../src/index.js'

const right = <A>(e: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected a Right, received the Left: ${e.left.message}`)
  return e.right
}

/** `Sla.evaluate` for histories the test knows to be valid: the evaluation, or the test fails. */
export const slaAt = (...args: Parameters<typeof Sla.evaluate>) => flow(Sla.evaluate(...args), right)

/** `Escalation.evaluate` for histories the test knows to be valid: the decisions, or the test fails. */
export const decisionsAt = (...args: Parameters<typeof Escalation.evaluate>) => flow(Escalation.evaluate(...args), right)
