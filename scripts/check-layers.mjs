// Keeps the layers of src/ (STYLE.md §2 "Imports flow one way"). Every relative import, export
// … from and import() between folders must
//   - go down the order below, never up or sideways (calendar must not import priority);
//   - go through the other concept's index.js, never a file inside it ("deep"). Two exceptions:
//     src/internal/ is machinery every concept may import file by file, and a lower concept's
//     codec.js may be imported for the raw codecs that `itsm-kit/codec` publishes (its wire
//     entry: the names src/codec/index.ts re-exports from it), and for nothing else;
//   - leave src/codec/ alone: it is the public `itsm-kit/codec` entry, may import everything,
//     and only the root src/index.ts (which exports it as `Codec`) imports it.
// Prints `file:line: [rule] …` for each breach and exits 1; exits 0 when there is none.
// Usage: node scripts/check-layers.mjs [--root <dir>]   (default: src/ of this checkout)
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'

/** The folders of src/, bottom first; folders on one line are siblings and must not import each other. */
const LAYERS = [
  ['internal'],
  ['time'],
  ['calendar', 'kind', 'priority'],
  ['classification'],
  ['ticket'],
  ['sla'],
  ['escalation', 'workaround'],
  ['report'],
  ['.'], // src/index.ts, the root entry: every concept as a namespace
  ['cli']
]

// Deep imports allowed by exception, each as `importer -> specifier` relative to the root with
// why. It is empty: keep it so (move what two concepts share down to internal/ instead).
const ALLOWED = new Map()

const arg = (name) => {
  const i = process.argv.indexOf(name)
  return i < 0 ? undefined : process.argv[i + 1]
}
const root = resolve(arg('--root') ?? join(dirname(new URL(import.meta.url).pathname), '..', 'src'))
const ORDER = LAYERS.map((l) => l.map((f) => (f === '.' ? 'index.ts' : f)).join(', ')).join(' → ')
const rank = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i])))

const walk = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]))
const files = walk(root).filter((f) => /\.(ts|mts|tsx)$/.test(f) && !f.endsWith('.d.ts'))
const rel = (f) => relative(root, f).split(sep).join('/')
const folderOf = (relPath) => (relPath.includes('/') ? relPath.split('/')[0] : '.')
const shown = (file) => relative(process.cwd(), file).split(sep).join('/')

/** Every relative import of a file: its specifier, line, and the names it binds (undefined: a namespace, a side effect or import()). */
const importsOf = (file) => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const found = []
  const add = (node, spec, names) => {
    if (!spec.startsWith('.')) return
    found.push({ spec, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, names })
  }
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const bindings = clause?.namedBindings
      const names =
        clause === undefined || clause.name !== undefined || (bindings !== undefined && !ts.isNamedImports(bindings))
          ? undefined
          : (bindings?.elements ?? []).map((e) => (e.propertyName ?? e.name).text)
      add(node, node.moduleSpecifier.text, names)
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const clause = node.exportClause
      add(
        node,
        node.moduleSpecifier.text,
        clause !== undefined && ts.isNamedExports(clause)
          ? clause.elements.map((e) => (e.propertyName ?? e.name).text)
          : undefined
      )
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length > 0 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      add(node, node.arguments[0].text, undefined)
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node, node.argument.literal.text, undefined)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

// the wire entry: what src/codec/index.ts re-exports from each concept's codec.js
const published = new Map()
const codecIndex = join(root, 'codec', 'index.ts')
try {
  for (const { spec, names } of importsOf(codecIndex)) {
    const target = rel(resolve(dirname(codecIndex), spec))
    if (names !== undefined && /^[a-z]+\/codec\.js$/.test(target))
      published.set(target, new Set([...(published.get(target) ?? []), ...names]))
  }
} catch {
  // no codec entry under this root: no wire imports are allowed
}

const problems = []
const allowedUsed = new Set()
for (const file of files) {
  const from = folderOf(rel(file))
  for (const { spec, line, names } of importsOf(file)) {
    const targetRel = rel(resolve(dirname(file), spec))
    if (targetRel.startsWith('../')) {
      problems.push(`${shown(file)}:${line}: [outside] '${spec}' leaves ${shown(root)}/`)
      continue
    }
    const to = folderOf(targetRel)
    if (to === from) continue
    const report = (rule, why) => {
      const key = `${rel(file)} -> ${spec}`
      if (ALLOWED.has(key)) allowedUsed.add(key)
      else problems.push(`${shown(file)}:${line}: [${rule}] '${spec}': ${why}`)
    }
    if (from === 'codec') continue // the public entry may import everything
    if (to === 'codec') {
      // the command line is a user of the package: it may read the public entry, as users do
      if (!((from === '.' || from === 'cli') && targetRel === 'codec/index.js'))
        report(
          'codec',
          'src/codec/ is the public itsm-kit/codec entry: only src/index.ts and the command line import it (use internal/ for decode errors and io-ts helpers)'
        )
      continue
    }
    if (!rank.has(from)) {
      problems.push(
        `${shown(file)}:${line}: [unknown-folder] '${from}/' is not in the layer order of scripts/check-layers.mjs`
      )
      continue
    }
    if (!rank.has(to)) {
      report('unknown-folder', `'${to}/' is not in the layer order of scripts/check-layers.mjs`)
      continue
    }
    if (rank.get(to) > rank.get(from)) {
      report(
        'upward',
        `${from === '.' ? 'the root entry' : `${from}/`} sits below ${to === '.' ? 'the root entry' : `${to}/`} and must not import it (order: ${ORDER})`
      )
      continue
    }
    if (rank.get(to) === rank.get(from)) {
      report('sideways', `${from}/ and ${to}/ are siblings in one layer and must not import each other`)
      continue
    }
    if (to === 'internal') continue // machinery: imported file by file
    if (targetRel === `${to}/index.js` || targetRel === 'index.js') continue
    const wire = published.get(targetRel)
    if (wire !== undefined && names !== undefined && names.length > 0 && names.every((n) => wire.has(n))) continue
    const hint =
      wire === undefined
        ? `import another concept only through its index.js ('../${to}/index.js')`
        : `from ${targetRel} only the codecs itsm-kit/codec publishes may be imported (${[...wire].join(', ')}); otherwise go through '../${to}/index.js'`
    report('deep', hint)
  }
}

if (arg('--root') === undefined) {
  for (const key of ALLOWED.keys())
    if (!allowedUsed.has(key)) console.error(`note: allow-list entry no longer needed, remove it: ${key}`)
}
if (problems.length > 0) {
  console.log(problems.join('\n'))
  console.log(`\n${problems.length} import(s) break the layers (STYLE.md §2).`)
  process.exit(1)
}
