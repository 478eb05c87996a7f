// JSON files people write (calendars, policies, agreements): parse, and find the line of a field path.
import { inputError, readText } from './io.js'

/** Line (1-based) of every value in a JSON text, keyed by the field path the codecs use (`a.b[0].c`, `$` for the root). @internal */
export const lineIndex = (text: string): ReadonlyMap<string, number> => {
  const lines = new Map<string, number>()
  let i = 0
  let line = 1
  const ws = () => {
    while (i < text.length) {
      const c = text[i]
      if (c === '\n') line++
      else if (c !== ' ' && c !== '\t' && c !== '\r') return
      i++
    }
  }
  const str = (): string => {
    const start = i
    i++
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
    i++
    try {
      return JSON.parse(text.slice(start, i)) as string
    } catch {
      return ''
    }
  }
  const value = (path: string, depth: number): void => {
    ws()
    if (!lines.has(path)) lines.set(path, line)
    if (depth > 200) return
    const c = text[i]
    if (c === '{') {
      i++
      for (;;) {
        ws()
        if (text[i] === '}' || i >= text.length) break
        const key = str()
        ws()
        i++ // ':'
        value(path === '$' ? key : `${path}.${key}`, depth + 1)
        ws()
        if (text[i] === ',') i++
        else break
      }
      i++
    } else if (c === '[') {
      i++
      for (let n = 0; ; n++) {
        ws()
        if (text[i] === ']' || i >= text.length) break
        value(`${path === '$' ? '' : path}[${n}]`, depth + 1)
        ws()
        if (text[i] === ',') i++
        else break
      }
      i++
    } else if (c === '"') str()
    else while (i < text.length && !',]}\n \t\r'.includes(text[i] as string)) i++
  }
  value('$', 0)
  return lines
}

/** The line of a path, or of its nearest ancestor present in the file. @internal */
export const lineOf = (index: ReadonlyMap<string, number>, path: string): number => {
  let p = path
  for (;;) {
    const found = index.get(p)
    if (found !== undefined) return found
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['))
    if (cut <= 0) return index.get('$') ?? 1
    p = p.slice(0, cut)
  }
}

/** A parsed JSON file; the lines of its fields are found when a problem is first located. @internal */
export interface JsonFile {
  readonly file: string
  readonly value: unknown
  readonly lines: () => ReadonlyMap<string, number>
}

/** Reads and parses a JSON file; a syntax error names the file and line, never the text. @internal */
export const readJson = async (file: string): Promise<JsonFile> => {
  const text = await readText(file)
  try {
    const value = JSON.parse(text) as unknown
    let lines: ReadonlyMap<string, number> | undefined
    // a valid file costs one JSON.parse: most files have no problem to place
    return { file, value, lines: () => (lines ??= lineIndex(text)) }
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message))
    const at = m === null ? undefined : text.slice(0, Number(m[1])).split('\n').length
    throw inputError(`${file}:${at ?? 1}: not valid JSON`)
  }
}

/** Messages of issues (`path: expected …`) prefixed with the file and the line of their path. @internal */
export const located = (
  json: JsonFile,
  issues: ReadonlyArray<{ readonly path: string; readonly message: string }>,
  prefix = ''
): ReadonlyArray<string> =>
  issues.map((i) => {
    const path =
      prefix === '' ? i.path : i.path === '$' ? prefix : `${prefix}${i.path.startsWith('[') ? '' : '.'}${i.path}`
    const rest = i.message.startsWith(i.path) ? i.message.slice(i.path.length) : `: ${i.message}`
    const message = `${path}${rest}`
    return `${json.file}:${lineOf(json.lines(), path)}: ${message}`
  })

/** The issues of a library error: a DecodeError's issues, or the error's own path and message. @internal */
export const issuesOf = (e: {
  readonly message: string
  readonly path?: string
  readonly issues?: ReadonlyArray<{ readonly path: string; readonly message: string }>
}) => e.issues ?? [{ path: e.path ?? '$', message: e.path === undefined ? `$: ${e.message}` : e.message }]
