/**
 * Every exported function, given objects whose every read throws (a Proxy with throwing traps, a
 * revoked Proxy) in its first one to three argument positions, and the function it returns given
 * one too: nothing may throw across the public API, whatever a JavaScript caller passes.
 */
import { describe, expect, it } from 'vitest'
import * as Kit from '../../src/index.js'
import * as Codec from '../../src/codec/index.js'

const trap = (): never => {
  throw new Error('a hostile read')
}
const throwing = (): object =>
  new Proxy(
    {},
    { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap, apply: trap }
  )
const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

type Fn = (...args: ReadonlyArray<unknown>) => unknown

/** Every exported function of every namespace, with its name. */
const functions: ReadonlyArray<readonly [string, Fn]> = Object.entries(Kit).flatMap(([ns, mod]) =>
  Object.entries(mod as Record<string, unknown>)
    .filter((e): e is [string, Fn] => typeof e[1] === 'function' && !(e[1] as { _tag?: unknown })._tag)
    .map(([name, f]) => [`${ns}.${name}`, f] as const)
)

describe('hostile objects in every argument position', () => {
  it('covers the whole public API', () => {
    // the sweep is only as good as what it reaches: every namespace, and hundreds of functions
    const namespaces = new Set(functions.map(([name]) => name.split('.')[0]))
    expect([...namespaces].sort()).toStrictEqual(Object.keys(Kit).sort())
    expect(functions.length).toBeGreaterThan(150)
    expect(Object.keys(Codec).length).toBeGreaterThan(0)
  })

  for (const [kind, make] of [
    ['a Proxy whose every trap throws', throwing],
    ['a revoked Proxy', revoked]
  ] as const)
    it(`no exported function throws on ${kind}, nor the function it returns`, () => {
      const threw: string[] = []
      for (const [name, f] of functions)
        for (const arity of [1, 2, 3]) {
          try {
            const r = f(...Array.from({ length: arity }, make))
            if (typeof r === 'function') (r as Fn)(make())
          } catch {
            threw.push(`${name} with ${arity} argument${arity === 1 ? '' : 's'}`)
          }
        }
      expect(threw).toStrictEqual([])
    })
})
