// Terminal and file plumbing of the command line: the only place that touches streams and disk.
import { createReadStream, mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { createGunzip } from 'node:zlib'
import { PassThrough, type Readable } from 'node:stream'

/** Where a command writes, and what it knows of the terminal. @internal */
export interface Io {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** Standard output is a terminal and NO_COLOR is not set. */
  readonly color: boolean
  /** Standard error is a terminal (progress lines go there). */
  readonly errTTY: boolean
  readonly stdin: Readable
  readonly now: () => number
}

/** A failure that stops the command: `usage` exits with 2, `input` with 1. @internal */
export interface Failure {
  readonly _tag: 'CliFailure'
  readonly kind: 'usage' | 'input'
  readonly message: string
}

/** @internal */
export const usageError = (message: string): Failure => ({ _tag: 'CliFailure', kind: 'usage', message })
/** @internal */
export const inputError = (message: string): Failure => ({ _tag: 'CliFailure', kind: 'input', message })
/** @internal */
export const isFailure = (u: unknown): u is Failure =>
  typeof u === 'object' && u !== null && (u as Failure)._tag === 'CliFailure'

/**
 * The failure an error stands for: a failure itself, one carried across a stream (`failure`), or
 * a file-system error of Node's (`path`, `syscall`, `code`: a folder where a file should be, a
 * missing folder, no permission) as an input failure naming the path; undefined for anything
 * else (a bug). @internal
 */
export const failureOf = (e: unknown): Failure | undefined => {
  if (isFailure(e)) return e
  if (typeof e !== 'object' || e === null) return undefined
  const { failure, path, syscall, code } = e as { failure?: unknown; path?: unknown; syscall?: unknown; code?: unknown }
  if (isFailure(failure)) return failure
  if (typeof path === 'string' && typeof syscall === 'string' && typeof code === 'string')
    return inputError(`${path}: ${syscall} failed (${code})`)
  return undefined
}

/**
 * Makes a folder and its missing parents, one at a time (Node's recursive mkdir loops forever
 * under /proc on Node 20); a failure names the folder it could not make. @internal
 */
export const makeDir = (dir: string): void => {
  const missing: string[] = []
  for (let d = resolve(dir); ; d = dirname(d)) {
    let kind: 'dir' | 'other' | 'none'
    try {
      kind = statSync(d).isDirectory() ? 'dir' : 'other'
    } catch {
      kind = 'none'
    }
    if (kind === 'other') throw inputError(`${d}: expected a folder, received a file`)
    if (kind === 'dir') break
    missing.push(d)
    if (dirname(d) === d) break
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d)
    } catch (e) {
      const code = (e as { code?: unknown }).code
      throw inputError(`${d}: cannot make the folder (${typeof code === 'string' ? code : 'failed'})`)
    }
  }
}

/** Colour on a terminal only, and never when NO_COLOR is set to anything but the empty string (no-color.org). @internal */
export const useColor = (isTTY: boolean | undefined, noColor: string | undefined): boolean =>
  isTTY === true && (noColor ?? '') === ''

const paint = (code: string) => (io: Io, text: string) => (io.color ? `\u001b[${code}m${text}\u001b[0m` : text)
/** @internal */
export const red = paint('31')
/** @internal */
export const yellow = paint('33')
/** @internal */
export const green = paint('32')
/** @internal */
export const bold = paint('1')

/** `n` and a noun, plural unless `n` is 1: `1 line`, `3 lines`. @internal */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

/** Aligns rows into columns (the first row is the header). @internal */
export const table = (rows: ReadonlyArray<ReadonlyArray<string>>, right: ReadonlyArray<number> = []): string => {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)))
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length)
          return right.includes(i) ? pad + cell : i === row.length - 1 ? cell : cell + pad
        })
        .join('  ')
    )
    .join('\n')
}

/** Reads a whole (possibly gzip-compressed) file as text. @internal */
export const readText = async (file: string): Promise<string> => {
  const chunks: Buffer[] = []
  for await (const chunk of openStream(file, undefined).stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Size of a file in bytes, or undefined for standard input. @internal */
export const sizeOf = (file: string): number | undefined => {
  if (file === '-') return undefined
  try {
    return statSync(file).size
  } catch {
    throw inputError(`${file}: cannot be read (no such file, or no permission)`)
  }
}

interface Opened {
  readonly stream: Readable
  /** Bytes read so far from the file as stored (compressed when gzip). */
  readonly bytes: () => number
}

/** Opens a file (or `-` for standard input), gunzipping it when it starts with the gzip magic bytes. @internal */
export const openStream = (file: string, stdin: Readable | undefined): Opened => {
  if (file !== '-') sizeOf(file)
  const raw: Readable = file === '-' ? (stdin ?? process.stdin) : createReadStream(file, { highWaterMark: 2 ** 20 })
  let bytes = 0
  let first = true
  const out = new PassThrough()
  let target: NodeJS.WritableStream = out
  raw.on('data', (chunk: Buffer) => {
    bytes += chunk.length
    if (first) {
      first = false
      if (chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b) {
        const gunzip = createGunzip()
        gunzip.on('error', () => out.destroy(inputErrorObject(`${file}: not a valid gzip file`)))
        gunzip.pipe(out)
        target = gunzip
      }
    }
    if (!target.write(chunk)) {
      raw.pause()
      target.once('drain', () => raw.resume())
    }
  })
  raw.on('end', () => target.end())
  raw.on('error', () => out.destroy(inputErrorObject(`${file}: cannot be read`)))
  return { stream: out, bytes: () => bytes }
}

// errors crossing stream boundaries must be Error instances; the failure rides along
const inputErrorObject = (message: string): Error => Object.assign(new Error(message), { failure: inputError(message) })

/** A progress line on standard error: only on a terminal and without --quiet. @internal */
export const progress = (io: Io, quiet: boolean, total: number | undefined) => {
  const on = io.errTTY && !quiet
  const start = io.now()
  let last = 0
  let shown = false
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`
  return {
    tick: (bytes: number, events: number) => {
      if (!on) return
      const now = io.now()
      if (now - last < 200) return
      last = now
      const seconds = Math.max((now - start) / 1000, 0.001)
      const rate = Math.round(events / seconds)
      const left =
        total !== undefined && bytes > 0 ? Math.max(0, Math.round(((total - bytes) * seconds) / bytes)) : undefined
      const text = `read ${mb(bytes)}${total === undefined ? '' : ` of ${mb(total)}`}, ${rate} events/s${left === undefined ? '' : `, ${left} s left`}`
      io.err(`\r${text}\u001b[K`)
      shown = true
    },
    done: () => {
      if (shown) io.err('\r\u001b[K')
    }
  }
}
