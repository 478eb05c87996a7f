// JSON Schemas (draft 2020-12) of the wire formats, generated from the io-ts codecs: every value
// exported by src/codec/index.ts that is an io-ts type gets a schema of its encoded form
// (`t.OutputOf<typeof codec>`, read through the TypeScript checker). Where a codec declares its
// output as `unknown`, the schema is built from its decoded type (`t.TypeOf`) instead, with the
// branded time types in their wire form (an Instant or a Duration travels as an ISO-8601
// string). A written type listed in `older` below also accepts the form earlier versions wrote,
// which its codec still reads. New codecs get a schema without edits here; test/schema/ checks
// every schema against its codec on generated values. The schemas state the structure (types, required and optional fields,
// literal tags, enumerations, no unknown fields); checks the codecs make beyond structure (an
// ISO duration's syntax, a zone's existence, opens before closes…) stay with the codecs, and
// test/schema/ measures that difference.
import ts from 'typescript'
import { join } from 'node:path'

const kebab = (s) =>
  s
    .replace(/Json$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()

/** Schema file name (without .json) for a codec export name: CalendarSpecJson → calendar-spec. */
export const schemaName = kebab

/** { [exportName]: schema } for every codec exported by src/codec/index.ts under `root`. */
export const generateSchemas = (root) => {
  const configPath = join(root, 'tsconfig.json')
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      }
    }
  )
  const entry = join(root, 'src/codec/index.ts')
  const program = ts.createProgram([entry], { ...config.options, noEmit: true })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(entry)
  const moduleSymbol = checker.getSymbolAtLocation(source)
  const out = {}
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp
    if (!(symbol.flags & ts.SymbolFlags.Value)) continue
    const type = checker.getTypeOfSymbolAtLocation(symbol, source)
    const encoded = type.getProperty('_O')
    if (encoded === undefined || type.getProperty('decode') === undefined) continue
    let defs = {}
    let body = convert(checker, checker.getTypeOfSymbolAtLocation(encoded, source), source, defs, new Map())
    if (JSON.stringify(body).includes('{}')) {
      defs = {}
      body = convert(
        checker,
        checker.getTypeOfSymbolAtLocation(type.getProperty('_A'), source),
        source,
        defs,
        new Map()
      )
    }
    out[exp.name] = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: `itsm-kit ${exp.name.replace(/Json$/, '')}`,
      description: `The JSON form that Codec.${exp.name} decodes and encodes (generated from the codec).`,
      ...body,
      ...(Object.keys(defs).length > 0 ? { $defs: defs } : {})
    }
  }
  return out
}

// branded types of the model and their wire form (see the codecs in src/time/codec.ts)
// Patterns are deliberately looser than the decoders (which check the calendar, the offset's
// range, the zone's existence): they catch "4h" for "PT4H" in an editor, never a valid value.
const brands = {
  Instant: {
    type: 'string',
    pattern: '^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}.*([Zz]|[+-]\\d{2}(:?\\d{2})?)$',
    description: 'an ISO-8601 date-time with a UTC offset, such as "2025-03-07T15:30:00+01:00"'
  },
  Duration: {
    type: 'string',
    pattern: '^[+-]?[Pp]([Tt](\\d+([.,]\\d+)?[HhMmSs])*)?$',
    description: 'an ISO-8601 duration in hours, minutes and seconds, such as "PT4H"'
  },
  LocalDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a calendar date YYYY-MM-DD' },
  IanaZone: { type: 'string', description: 'an IANA time zone such as "Europe/Oslo"' }
}

// wire forms a codec still reads besides the one it writes (what earlier versions stored), by
// the name of the written type: the schema accepts either. A function of the written form's
// schema, so that lists in it (the audiences) are not written twice.
const older = {
  // Ticket.Notice: until 0.3.0 a snapshot wrote a notice as the text "audience/reason"
  Notice: (written) => ({
    type: 'string',
    pattern: `^(${written.properties.audience.enum.join('|')})/[\\s\\S]`,
    description: 'a notice as written before 0.3.0: "audience/reason", such as "manager/resolution:breach"'
  })
}

const brandOf = (checker, type) => {
  if (!type.isIntersection()) return undefined
  const primitive = type.types.find((m) => m.flags & (ts.TypeFlags.String | ts.TypeFlags.Number))
  if (primitive === undefined) return undefined
  const tagged = type.types.find((m) => m !== primitive && m.flags & ts.TypeFlags.Object)
  const name = tagged === undefined ? undefined : checker.getPropertiesOfType(tagged)[0]?.getName()
  if (name !== undefined && brands[name] !== undefined) return brands[name]
  return { type: primitive.flags & ts.TypeFlags.String ? 'string' : 'number' }
}

const convertAt = (key, ...args) => {
  try {
    return convert(...args)
  } catch (e) {
    throw new Error(`${key}.${e.message}`)
  }
}

const convert = (checker, type, at, defs, stack) => {
  const f = type.flags
  const brand = brandOf(checker, type)
  if (brand !== undefined) return { ...brand }
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {}
  if (f & ts.TypeFlags.StringLiteral) return { const: type.value }
  if (f & ts.TypeFlags.NumberLiteral) return { const: type.value }
  if (f & ts.TypeFlags.BooleanLiteral) return { const: type.intrinsicName === 'true' }
  if (f & ts.TypeFlags.String) return { type: 'string' }
  if (f & ts.TypeFlags.Number) return { type: 'number' }
  if (f & ts.TypeFlags.Boolean) return { type: 'boolean' }
  if (f & ts.TypeFlags.Null) return { type: 'null' }
  if (f & ts.TypeFlags.Never) return { not: {} }
  if (type.isUnion()) {
    const members = type.types.filter((m) => !(m.flags & ts.TypeFlags.Undefined))
    if (members.every((m) => m.flags & ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' }
    if (members.every((m) => m.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)))
      return { enum: members.map((m) => m.value) }
    if (members.length === 1) return convert(checker, members[0], at, defs, stack)
    return { anyOf: members.map((m) => convert(checker, m, at, defs, stack)) }
  }
  if (checker.isTupleType(type)) {
    const items = checker.getTypeArguments(type).map((m) => convert(checker, m, at, defs, stack))
    return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length }
  }
  if (type.isIntersection() && type.types.some((m) => checker.isArrayType(m))) {
    // fp-ts's ReadonlyNonEmptyArray: ReadonlyArray<A> & { readonly 0: A }
    const array = type.types.find((m) => checker.isArrayType(m))
    // (no minItems: several codecs accept an empty list and leave that rule to their make…)
    return { type: 'array', items: convert(checker, checker.getTypeArguments(array)[0], at, defs, stack) }
  }
  if (checker.isArrayType(type))
    return { type: 'array', items: convert(checker, checker.getTypeArguments(type)[0], at, defs, stack) }
  if (f & ts.TypeFlags.Object || type.isIntersection()) {
    if (type.getCallSignatures().length > 0)
      throw new Error(`json-schema: a function type has no JSON form: ${checker.typeToString(type)}`)
    // a named object type met again inside itself (a category tree's children) becomes a $ref
    const name = (type.aliasSymbol ?? type.getSymbol())?.getName()
    const named = name !== undefined && !name.startsWith('__')
    if (stack.has(type)) {
      const def = stack.get(type)
      def.recursive = true
      return { $ref: `#/$defs/${def.name}` }
    }
    const entry = { name: named ? name : `T${stack.size}`, recursive: false }
    stack.set(type, entry)
    let schema
    const props = checker.getPropertiesOfType(type)
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String)
    if (props.length === 0 && index !== undefined) {
      schema = { type: 'object', additionalProperties: convert(checker, index.type, at, defs, stack) }
    } else {
      const properties = {}
      const required = []
      for (const p of props) {
        properties[p.getName()] = convertAt(
          p.getName(),
          checker,
          checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(p, at)),
          at,
          defs,
          stack
        )
        if (!(p.flags & ts.SymbolFlags.Optional)) required.push(p.getName())
      }
      schema = {
        type: 'object',
        properties,
        ...(required.length > 0 ? { required } : {}),
        additionalProperties: index === undefined ? false : convert(checker, index.type, at, defs, stack)
      }
    }
    stack.delete(type)
    if (named && older[name] !== undefined) schema = { anyOf: [schema, older[name](schema)] }
    if (!entry.recursive) return schema
    defs[entry.name] = schema
    return { $ref: `#/$defs/${entry.name}` }
  }
  throw new Error(`json-schema: no schema for the type ${checker.typeToString(type)}`)
}
