import type { Io } from './io.js'
/** @internal */
export const demo = async (_args: ReadonlyArray<string>, io: Io, _run: (argv: ReadonlyArray<string>, io: Io) => Promise<number>): Promise<number> => {
  io.out('demo\n')
  return 0
}
