// Bundle sizes from the consumer's side: entries that import one namespace of the installed
// package and call one function, bundled by esbuild (browser platform, minified, fp-ts, io-ts
// and luxon bundled in), measured from esbuild's metafile. Prints a table; fails when a budget
// (issue 7) is exceeded or when importing both `itsm-kit` and `itsm-kit/codec` bundles any
// module twice.
//   node test/package/bundle-budgets.mjs <project dir with itsm-kit installed>
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const KB = 1024
// Budgets from issue 7. `whole`: the whole library must cost no more than the same sources
// bundled as one file, as 0.1.0 shipped them (`oneFile`, built here from src/ with fp-ts's es6
// modules like the package's bundler build). The per-module build costs about 0.3 % more
// (esbuild cannot merge `var` statements across module boundaries), so the budget allows 0.5 %.
// (0.1.0's tarball measured the same way: 185 703 bytes, before reports were added.)
const budgets = { Priority: 30 * KB, Classification: 45 * KB, Calendar: 120 * KB, unused: 1 * KB }
const WHOLE_OVER_ONE_FILE = 1.005
const root = fileURLToPath(new URL('../..', import.meta.url))

/** The whole library from its sources as one bundled file: the yardstick of the `whole` budget. */
const oneFile = async () => {
  const require = createRequire(join(root, 'package.json'))
  const es6 = {
    name: 'fp-ts-es6',
    setup: (b) =>
      b.onResolve({ filter: /^fp-ts\/lib\// }, (a) => ({
        path: require.resolve(a.path.replace('fp-ts/lib/', 'fp-ts/es6/'))
      }))
  }
  const r = await build({
    stdin: {
      contents: `import * as K from './src/index.ts'\nglobalThis.out = K`,
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'oneFile.ts'
    },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outfile: join(root, 'tmp/oneFile.out.js'),
    plugins: [es6]
  })
  return Object.values(r.metafile.outputs)[0].bytes
}
// The function each namespace's entry calls; a namespace not listed (or whose function was
// renamed) calls its first exported function, so new namespaces are measured without edits.
const preferred = {
  Time: 'fromISO',
  Calendar: 'make',
  Priority: 'priorityOf',
  Classification: 'classify',
  Ticket: 'decide',
  Sla: 'evaluate',
  Escalation: 'evaluate'
}

export const measure = async (dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules/itsm-kit/package.json'), 'utf8'))
  const lib = await import(
    pathToFileURL(
      join(dir, 'node_modules/itsm-kit', manifest.exports['.'].import.default ?? manifest.exports['.'].import)
    ).href
  )
  const namespaces = Object.keys(lib).sort()
  const entries = { unused: `import 'itsm-kit'` }
  const called = {}
  for (const ns of namespaces) {
    const fns = Object.keys(lib[ns])
      .filter((k) => typeof lib[ns][k] === 'function')
      .sort()
    const fn = fns.includes(preferred[ns]) ? preferred[ns] : fns[0]
    called[ns] = fn
    entries[ns] = `import { ${ns} } from 'itsm-kit'\nglobalThis.out = ${ns}.${fn}()`
  }
  entries.whole = `import * as K from 'itsm-kit'\nglobalThis.out = K`
  entries.codecEntry = `import * as C from 'itsm-kit/codec'\nglobalThis.out = C`
  entries.bothEntries = `import * as K from 'itsm-kit'\nimport * as C from 'itsm-kit/codec'\nglobalThis.out = [K, C]`
  const rows = []
  const yardstick = await oneFile()
  budgets.whole = Math.round(yardstick * WHOLE_OVER_ONE_FILE)
  rows.push({
    name: 'oneFile (src)',
    bytes: yardstick,
    by: { 'itsm-kit': 0, 'fp-ts': 0, 'io-ts': 0, luxon: 0 },
    modules: [],
    budget: undefined,
    fn: undefined
  })
  for (const [name, code] of Object.entries(entries)) {
    const r = await build({
      stdin: { contents: code, resolveDir: dir, loader: 'js', sourcefile: `${name}.js` },
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      metafile: true,
      logLevel: 'silent',
      outfile: join(dir, `${name}.out.js`)
    })
    const out = Object.values(r.metafile.outputs)[0]
    const by = { 'itsm-kit': 0, 'fp-ts': 0, 'io-ts': 0, luxon: 0 }
    const modules = []
    for (const [file, info] of Object.entries(out.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? '(entry)'
      by[pkg] = (by[pkg] ?? 0) + info.bytesInOutput
      if (pkg === 'itsm-kit' && info.bytesInOutput > 0) modules.push(file.replace(/^.*node_modules\/itsm-kit\//, ''))
    }
    rows.push({ name, bytes: out.bytes, by, modules, budget: budgets[name], fn: called[name] })
  }
  return rows
}

export const report = (rows) => {
  const failures = []
  const kb = (n) => `${(n / KB).toFixed(1)} KB`
  const lines = [
    'entry                      total      itsm-kit   fp-ts     io-ts     luxon     budget',
    '-'.repeat(92)
  ]
  for (const r of rows) {
    const label = r.fn === undefined ? r.name : `${r.name}.${r.fn}`
    const over = r.budget !== undefined && r.bytes > r.budget
    if (over) failures.push(`${r.name}: ${r.bytes} bytes, budget ${r.budget}`)
    lines.push(
      `${label.padEnd(26)} ${kb(r.bytes).padStart(9)}  ${kb(r.by['itsm-kit']).padStart(9)} ${kb(r.by['fp-ts']).padStart(9)} ${kb(r.by['io-ts']).padStart(9)} ${kb(r.by.luxon).padStart(9)}   ${r.budget === undefined ? '' : `${kb(r.budget)}${over ? '  EXCEEDED' : ' ok'}`}`
    )
  }
  // both entries together: no module of the package twice (e.g. the codecs from two builds)
  const both = rows.find((r) => r.name === 'bothEntries')
  if (both !== undefined) {
    const key = (m) => m.replace(/^dist\/(esm|cjs|bundler)\//, '').replace(/\.(c|m)?js$/, '')
    const seen = new Map()
    for (const m of both.modules) seen.set(key(m), [...(seen.get(key(m)) ?? []), m])
    const dup = [...seen.values()].filter((v) => v.length > 1)
    if (dup.length > 0 || both.modules.length === 0)
      failures.push(`both entries bundle modules twice: ${JSON.stringify(dup)}`)
    // the raw codecs are no longer part of the root entry (0.3.0), so both entries together are
    // the whole library plus the codec modules only itsm-kit/codec reaches: never more than that
    const whole = rows.find((r) => r.name === 'whole')
    const codecs = rows.find((r) => r.name === 'codecEntry')
    if (
      whole !== undefined &&
      codecs !== undefined &&
      both.by['itsm-kit'] > whole.by['itsm-kit'] + codecs.by['itsm-kit']
    )
      failures.push(
        `both entries (${both.by['itsm-kit']} bytes of itsm-kit) exceed the whole library and the codec entry (${whole.by['itsm-kit']} + ${codecs.by['itsm-kit']})`
      )
    lines.push(
      `both entries: ${both.modules.length} modules of itsm-kit, none twice${dup.length > 0 ? ' — NO, duplicated' : ''}`
    )
  }
  return { table: lines.join('\n'), failures }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await measure(process.argv[2])
  const { table, failures } = report(rows)
  console.log(table)
  if (failures.length > 0) {
    console.error(`bundle budgets failed:\n${failures.join('\n')}`)
    process.exit(1)
  }
}
