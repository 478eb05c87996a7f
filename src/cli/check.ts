// check: validates the JSON files a desk keeps (calendars, matrices, rules, policies, agreements).
import * as E from 'fp-ts/lib/Either.js'
import { Calendar, Classification, Escalation, Priority, Sla } from '../index.js'
import { decodeAgreementsFile } from './agreements.js'
import { parse, str } from './common.js'
import { count, green, isFailure, red, usageError, type Io } from './io.js'
import { issuesOf, located, readJson, type JsonFile } from './json.js'

/** The kinds of file `check` knows. @internal */
export const kinds = ['calendar', 'matrix', 'classifier', 'policy', 'agreement', 'agreements', 'escalation'] as const
type Kind = (typeof kinds)[number]

const detect = (u: unknown): Kind | undefined => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return undefined
  const o = u as Record<string, unknown>
  if ('agreements' in o) return 'agreements'
  if (o._tag === 'SlaPolicy') return 'policy'
  if (o._tag === 'EscalationPolicy') return 'escalation'
  if ('calendar' in o && 'policy' in o) return 'agreement'
  if ('weekly' in o) return 'calendar'
  if ('cells' in o || 'urgencies' in o) return 'matrix'
  if ('rules' in o) return 'classifier'
  return undefined
}

const problemsOf = (kind: Kind, json: JsonFile): ReadonlyArray<string> => {
  const u = json.value
  const of = <A>(
    r: E.Either<
      {
        readonly message: string
        readonly path?: string
        readonly issues?: ReadonlyArray<{ readonly path: string; readonly message: string }>
      },
      A
    >
  ) => (E.isLeft(r) ? located(json, issuesOf(r.left)) : [])
  switch (kind) {
    case 'calendar': {
      const spec = Calendar.decodeCalendarSpec(u)
      return E.isLeft(spec) ? of(spec) : of(Calendar.make(spec.right))
    }
    case 'matrix':
      return of(Priority.decodeMatrix(u))
    case 'classifier': {
      const o = (typeof u === 'object' && u !== null ? u : {}) as { categories?: unknown; rules?: unknown }
      const tree = Classification.makeCategoryTree({ categories: (o.categories ?? []) as never })
      if (E.isLeft(tree)) return located(json, issuesOf(tree.left), 'categories')
      return of(Classification.decodeClassifier({ rules: o.rules }, { categories: tree.right }))
    }
    case 'policy':
      return of(Sla.decodePolicy(u))
    case 'agreement':
      return of(Sla.decodeAgreement(u))
    case 'agreements': {
      const r = decodeAgreementsFile(json)
      return E.isLeft(r) ? r.left : []
    }
    case 'escalation':
      return of(Escalation.decodePolicy(u))
  }
}

/** `itsm-kit check`. @internal */
export const check = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals } = parse('check', args, { kind: { type: 'string' } })
  const forced = str(values, 'kind')
  if (forced !== undefined && !(kinds as ReadonlyArray<string>).includes(forced))
    throw usageError(`--kind: expected one of ${kinds.join(', ')}, received ${JSON.stringify(forced.slice(0, 20))}`)
  if (positionals.length === 0) throw usageError('check: expected one or more JSON files (see itsm-kit check --help)')
  let failed = 0
  for (const file of positionals) {
    let problems: ReadonlyArray<string>
    let kind: Kind | undefined = forced as Kind | undefined
    try {
      const json = await readJson(file)
      kind = kind ?? detect(json.value)
      problems =
        kind === undefined
          ? [
              `${file}:1: $: expected a calendar, matrix, classifier, SLA policy, agreement, agreements file or escalation policy, received an object of none of these shapes (pass --kind)`
            ]
          : problemsOf(kind, json)
    } catch (e) {
      if (!isFailure(e)) throw e
      problems = [e.message]
    }
    if (problems.length === 0) io.out(`${green(io, 'ok')}  ${file} (${kind})\n`)
    else {
      failed++
      io.out(
        `${red(io, 'FAIL')}  ${file}${kind === undefined ? '' : ` (${kind})`}: ${count(problems.length, 'problem')}\n`
      )
      for (const p of problems) io.out(`  ${p}\n`)
    }
  }
  return failed > 0 ? 1 : 0
}
