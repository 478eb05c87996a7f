#!/usr/bin/env node
// The itsm-kit command line: `itsm-kit <command> [options]`. Also the worker-thread entry of `report --jobs N`.
import { fileURLToPath } from 'node:url'
import { isMainThread, workerData } from 'node:worker_threads'
import { between, due, holidays } from './calendarCommands.js'
import { check } from './check.js'
import { demo } from './demo.js'
import { help } from './help.js'
import { failureOf, red, useColor, type Io } from './io.js'
import { replay, report, sla, status } from './logCommands.js'
import { serveShard, type WorkerTask } from './pipeline.js'

const self = fileURLToPath(import.meta.url)

const commands: Readonly<Record<string, (args: ReadonlyArray<string>, io: Io) => Promise<number>>> = {
  due,
  between,
  holidays,
  check,
  replay,
  sla,
  status,
  report: (args, io) => report(args, io, self),
  demo: (args, io) => demo(args, io, run)
}

/** Runs one command line; resolves to the exit status. @internal */
export const run = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const [name, ...args] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? args[0] : undefined
    io.out(help[topic ?? 'main'] ?? help.main ?? '')
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v') {
    io.out('itsm-kit 0.2.0\n')
    return 0
  }
  const command = commands[name]
  if (command === undefined) {
    io.err(
      `itsm-kit: unknown command ${JSON.stringify(name.slice(0, 40))} (commands: ${Object.keys(commands).join(', ')})\n`
    )
    return 2
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(help[name] ?? '')
    return 0
  }
  try {
    return await command(args, io)
  } catch (e) {
    const f = failureOf(e)
    if (f === undefined) throw e
    io.err(`${red({ ...io, color: useColor(process.stderr.isTTY, process.env.NO_COLOR) }, 'error')}: ${f.message}\n`)
    return f.kind === 'usage' ? 2 : 1
  }
}

const processIo = (): Io => ({
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  color: useColor(process.stdout.isTTY, process.env.NO_COLOR),
  errTTY: process.stderr.isTTY === true,
  stdin: process.stdin,
  now: () => Date.now()
})

const shard = isMainThread ? undefined : (workerData as { itsmKitShard?: WorkerTask } | undefined)?.itsmKitShard
if (shard !== undefined) serveShard(shard, shard.port)
else if (
  isMainThread &&
  process.argv[1] !== undefined &&
  fileURLToPath(import.meta.url) === (await import('node:fs')).realpathSync(process.argv[1])
) {
  // a reader that stops early (`| head`) is not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw e
  })
  run(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code
    },
    (e: unknown) => {
      process.stderr.write(`itsm-kit: internal error: ${e instanceof Error ? e.message : 'unknown'}\n`)
      process.exitCode = 70
    }
  )
}
