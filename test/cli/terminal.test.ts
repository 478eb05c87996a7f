// What the command line shows on a terminal: colour rules and the progress line (the bin's own
// tests run it in child processes without a terminal, where neither may appear).
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { progress, red, useColor, type Io } from '../../src/cli/io.js'

const fakeIo = (errTTY: boolean, color = false) => {
  const err: string[] = []
  let clock = 0
  const io: Io = {
    out: () => undefined,
    err: (t) => void err.push(t),
    color,
    errTTY,
    stdin: new PassThrough(),
    now: () => clock
  }
  return { io, err, advance: (ms: number) => (clock += ms) }
}

describe('colour', () => {
  it('only on a terminal, and never with NO_COLOR set', () => {
    expect(useColor(true, undefined)).toBe(true)
    expect(useColor(true, '')).toBe(true)
    expect(useColor(true, '1')).toBe(false)
    expect(useColor(false, undefined)).toBe(false)
    expect(useColor(undefined, undefined)).toBe(false)
    expect(red(fakeIo(false, true).io, 'x')).toBe('\u001b[31mx\u001b[0m')
    expect(red(fakeIo(false, false).io, 'x')).toBe('x')
  })
})

describe('the progress line', () => {
  it('shows bytes of the total, events per second and time left on a terminal, then clears itself', () => {
    const { io, err, advance } = fakeIo(true)
    const bar = progress(io, false, 10_000_000)
    advance(1000)
    bar.tick(2_500_000, 50_000)
    advance(100)
    bar.tick(3_000_000, 60_000) // within 200 ms of the last line: not shown
    advance(1000)
    bar.tick(5_000_000, 100_000)
    bar.done()
    expect(err).toEqual([
      '\rread 2.5 MB of 10.0 MB, 50000 events/s, 3 s left\u001b[K',
      '\rread 5.0 MB of 10.0 MB, 47619 events/s, 2 s left\u001b[K',
      '\r\u001b[K'
    ])
  })

  it('shows nothing with --quiet or when standard error is not a terminal', () => {
    for (const [tty, quiet] of [
      [true, true],
      [false, false]
    ] as const) {
      const { io, err, advance } = fakeIo(tty)
      const bar = progress(io, quiet, 1000)
      advance(1000)
      bar.tick(500, 10)
      bar.done()
      expect(err).toEqual([])
    }
  })
})
