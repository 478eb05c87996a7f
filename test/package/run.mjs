// Consumer-side checks (issue 7), all against the packed tarball installed into fresh temporary
// projects, offline (dependencies linked from the repository's node_modules):
//   tarball   contents: dist/ (built by prepack), schemas, docs; one sourceMappingURL per file
//   names     a generated file naming every export of every namespace type-checks (strict,
//             skipLibCheck: false) as ESM and CJS under NodeNext, Node16 and Bundler resolution,
//             and with TypeScript 5.0 (the oldest the README promises)
//   examples  every @example block and every ```ts block of README.md and docs/*.md
//             type-checks and runs against the tarball
//   attw      `attw --pack` with its default profiles
//   publint   `publint --strict`
//   node      ESM and CJS smoke tests under Node 20 (this machine), 22 and 24 (npm's node
//             packages), and a browser bundle that runs in a bare VM context
//   bin       the bin as npm links it, without the peer dependencies, under Node 20, 22 and 24:
//             imports only Node built-ins and luxon; `due` and `report --jobs 2` give the right output
//   budgets   bundle sizes per namespace (test/package/bundle-budgets.mjs)
// Prints one line per check and fails if any fails. `npm run test:package`; ONLY=names,attw to
// run some; PACKED=<tgz> to reuse a tarball.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { bin, link, pack, project, root, run, write } from './lib.mjs'
import { consumerFiles } from './names.mjs'
import { guideBlocks } from './guides.mjs'
import { measure, report } from './bundle-budgets.mjs'

const only = process.env.ONLY?.split(',')
const results = []
const check = async (name, fn) => {
  if (only !== undefined && !only.includes(name)) return
  const started = Date.now()
  let ok = false
  let detail = ''
  try {
    const r = await fn()
    ok = r.ok
    detail = r.detail ?? ''
  } catch (e) {
    detail = e.stack ?? String(e)
  }
  results.push({ name, ok })
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${detail === '' ? '' : `\n${detail.trimEnd().replace(/^/gm, '     ')}`}`
  )
}

const tarball = pack()
const tsc = (dir, config) =>
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, config)], { cwd: dir })
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]))

await check('tarball', () => {
  const { dir } = project(tarball, 'tarball')
  const pkg = join(dir, 'node_modules/itsm-kit')
  const files = walk(pkg).map((f) => relative(pkg, f))
  const problems = []
  for (const needed of [
    'dist/esm/index.js',
    'dist/esm/index.d.ts',
    'dist/cjs/index.js',
    'dist/cjs/index.d.ts',
    'dist/bundler/index.js',
    'codec/package.json',
    'schema/calendar-spec.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    'docs/calendars.md',
    'examples/calendar.ts'
  ]) {
    if (!files.includes(needed)) problems.push(`missing ${needed}`)
  }
  // every relative link of the README resolves to a file in the tarball
  const readme = readFileSync(join(pkg, 'README.md'), 'utf8')
  for (const m of readme.matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)/g))
    if (!files.includes(m[1].replace(/^\.\//, ''))) problems.push(`README links ${m[1]}, not in the tarball`)
  let maps = 0
  for (const f of files.filter((x) => /\.(c|m)?js$/.test(x))) {
    const n = (readFileSync(join(pkg, f), 'utf8').match(/sourceMappingURL=/g) ?? []).length
    if (n > 1) problems.push(`${f}: ${n} sourceMappingURL comments`)
    maps += n
  }
  if (files.some((f) => f.startsWith('src/') || f.startsWith('test/'))) problems.push('sources or tests in the tarball')
  const size = statSync(tarball).size
  return {
    ok: problems.length === 0,
    detail:
      problems.length > 0
        ? problems.join('\n')
        : `${files.length} files, ${(size / 1024).toFixed(0)} KB packed, ${maps} source-map comments (one per JS file)`
  }
})

await check('names', () => {
  const { dir } = project(tarball, 'names', { type: 'module' })
  const { mts, cts, counts, namespaces } = consumerFiles(root)
  write(join(dir, 'names.mts'), mts)
  write(join(dir, 'names.cts'), cts)
  const base = { strict: true, skipLibCheck: false, noEmit: true, types: [], lib: ['ES2022'], target: 'ES2022' }
  const modes = {
    NodeNext: { module: 'NodeNext', moduleResolution: 'NodeNext' },
    Node16: { module: 'Node16', moduleResolution: 'Node16' },
    Bundler: { module: 'Preserve', moduleResolution: 'Bundler' }
  }
  const failed = []
  for (const [mode, opts] of Object.entries(modes)) {
    write(
      join(dir, `tsconfig.${mode}.json`),
      JSON.stringify({ compilerOptions: { ...base, ...opts }, files: ['names.mts', 'names.cts'] })
    )
    const r = tsc(dir, `tsconfig.${mode}.json`)
    if (!r.ok)
      failed.push(
        `${mode}: ${(r.out.match(/error TS/g) ?? []).length} errors\n${r.out.split('\n').slice(0, 15).join('\n')}`
      )
  }
  return {
    ok: failed.length === 0,
    detail: `${counts.types} types and ${counts.values} values of ${namespaces.length} namespaces (${namespaces.join(', ')}) plus itsm-kit/codec, ESM and CJS, NodeNext/Node16/Bundler, strict, skipLibCheck false${failed.length > 0 ? `\n${failed.join('\n')}` : ''}`
  }
})

// the README promises TypeScript 5.0 or later: the declarations must not use anything newer
await check('typescript-5.0', () => {
  const { dir } = project(tarball, 'ts50', { type: 'module' })
  const { mts, cts } = consumerFiles(root)
  write(join(dir, 'names.mts'), mts)
  write(join(dir, 'names.cts'), cts)
  write(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        types: [],
        lib: ['ES2022'],
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext'
      },
      files: ['names.mts', 'names.cts']
    })
  )
  const r = run('npx', ['-y', '-p', 'typescript@5.0', 'tsc', '-p', 'tsconfig.json'], { cwd: dir })
  const version = run('npx', ['-y', '-p', 'typescript@5.0', 'tsc', '-v'], { cwd: dir }).out.trim()
  return {
    ok: r.ok,
    detail: `${version} (npm's typescript@5.0, cached after the first run): every name, ESM and CJS, NodeNext${r.ok ? '' : `\n${r.out.split('\n').slice(0, 15).join('\n')}`}`
  }
})

await check('examples', () => {
  const { dir, deps } = project(tarball, 'examples', { type: 'module' })
  for (const tool of ['vitest', '@types/node']) link(dir, tool)
  const ex = run(process.execPath, [
    join(root, 'scripts/extract-examples.mjs'),
    '--out',
    join(dir, 'examples'),
    '--no-check'
  ])
  if (!ex.ok) return { ok: false, detail: ex.out }
  const guides = guideBlocks(root)
  for (const f of guides.files) write(join(dir, 'guides', f.name), f.text)
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'))
  const { paths: _paths, ...strictness } = compilerOptions // the repository's strictness, without its src/ mapping
  write(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { ...strictness, skipLibCheck: false, types: ['node'], noUnusedLocals: false },
      include: ['examples/*.ts', 'guides/*.ts']
    })
  )
  const typed = tsc(dir, 'tsconfig.json')
  if (!typed.ok) return { ok: false, detail: typed.out.split('\n').slice(0, 40).join('\n') }
  write(
    join(dir, 'vitest.config.mjs'),
    `export default { test: { include: ['examples/*.test.ts', 'guides/*.test.ts'] } }\n`
  )
  const ran = run(
    process.execPath,
    [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs')],
    { cwd: dir }
  )
  const summary = ran.out
    .split('\n')
    .filter((l) => /Test Files|Tests /.test(l))
    .join('; ')
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
    .replace(/\s+/g, ' ')
  const skipped = Object.entries(guides.skipped)
    .map(([label, n]) => `${n} "ts ${label}"`)
    .join(', ')
  const nExamples = ex.out.match(/extracted (\d+)/)?.[1]
  return {
    ok: ran.ok,
    detail: `${nExamples} @example blocks and ${guides.files.length} guide blocks type-checked and run against the tarball (deps: ${deps.join(', ')}); skipped guide blocks: ${skipped || 'none'}\n${summary}${ran.ok ? '' : `\n${ran.out.split('\n').slice(-60).join('\n')}`}`
  }
})

await check('attw', () => {
  const r = run(bin('attw'), [tarball, '--format', 'table-flipped'])
  return { ok: r.ok, detail: r.ok ? 'default profiles (node10, node16 CJS/ESM, bundler): no problems' : r.out }
})

await check('publint', () => {
  const { dir } = project(tarball, 'publint')
  const r = run(bin('publint'), ['run', join(dir, 'node_modules/itsm-kit'), '--strict', '--pack', 'false'])
  return { ok: r.ok && !/warning|error|suggestion/i.test(r.out.replace(/All good!/, '')), detail: r.out.trim() }
})

/** The Node versions users run: this machine's, and the others from npm's node packages. */
const NODES = ['20', '22', '24']
/** The path of a Node of this major version (from the registry unless it is this machine's). */
const nodeOf = (version, cwd) => {
  if (process.version.startsWith(`v${version}.`)) return { ok: true, path: process.execPath }
  const where = run('npx', ['-y', '-p', `node@${version}`, 'node', '-p', 'process.execPath'], { cwd })
  return where.ok ? { ok: true, path: where.out.trim().split('\n').pop() } : { ok: false, out: where.out }
}
/**
 * Runs `f(node, version)` with each Node of {@link NODES}: true when every one could be had and
 * `f` returned true for it; a line in `lines` says which could not be had.
 */
const onEachNode = (cwd, lines, f) => {
  let ok = true
  for (const version of NODES) {
    const node = nodeOf(version, cwd)
    if (!node.ok) {
      ok = false
      lines.push(`node ${version}: cannot get it from the registry: ${node.out}`)
      continue
    }
    ok = f(node.path, run(node.path, ['-v']).out.trim()) && ok
  }
  return ok
}

await check('node', () => {
  const esm = project(tarball, 'node-esm', { type: 'module' })
  const cjs = project(tarball, 'node-cjs')
  const due = `
const due = (Calendar, Time, E) => {
  const cal = Calendar.make(Calendar.weekdays({ zone: 'Europe/Oslo', opens: '08:00', closes: '16:00', holidays: Calendar.publicHolidays.NO }))
  const at = Time.fromISO('2025-03-07T15:30:00+01:00')
  const d = Time.hours(4)
  if (!E.isRight(cal) || !E.isRight(at)) throw new Error('construction failed')
  const out = Time.toLocalISO(cal.right.zone)(Calendar.addBusinessTime(at.right, d)(cal.right))
  if (out !== '2025-03-10T11:30:00+01:00') throw new Error('wrong due date ' + out)
  return out
}`
  write(
    join(esm.dir, 'smoke.js'),
    `import { Calendar, Time } from 'itsm-kit'
import * as C from 'itsm-kit/codec'
import * as E from 'fp-ts/lib/Either.js'
import schema from 'itsm-kit/schema/calendar-spec.json' with { type: 'json' }
${due}
if ('Codec' in await import('itsm-kit')) throw new Error('the root entry exports Codec')
if (!C.CalendarSpecJson.is(Calendar.alwaysOpen)) throw new Error('itsm-kit/codec does not read calendars of the root entry')
if (schema.type !== 'object') throw new Error('schema')
console.log('esm', due(Calendar, Time, E))
`
  )
  write(
    join(cjs.dir, 'smoke.js'),
    `const { Calendar, Time } = require('itsm-kit')
const C = require('itsm-kit/codec')
const E = require('fp-ts/lib/Either.js')
${due}
if ('Codec' in require('itsm-kit')) throw new Error('the root entry exports Codec')
if (!C.CalendarSpecJson.is(Calendar.alwaysOpen)) throw new Error('itsm-kit/codec does not read calendars of the root entry')
if (require('itsm-kit/schema/calendar-spec.json').type !== 'object') throw new Error('schema')
console.log('cjs', due(Calendar, Time, E))
`
  )
  const lines = []
  let ok = onEachNode(esm.dir, lines, (node, v) =>
    [esm, cjs]
      .map((p) => {
        const r = run(node, ['smoke.js'], { cwd: p.dir })
        lines.push(`node ${v} ${r.ok ? r.out.trim() : `FAILED\n${r.out}`}`)
        return r.ok
      })
      .every(Boolean)
  )
  // a browser bundle through the "module" condition: no Node built-ins, and it runs in a bare VM
  write(
    join(esm.dir, 'browser.js'),
    `import { Calendar, Time } from 'itsm-kit'\nimport * as E from 'fp-ts/es6/Either.js'\n${due}\nglobalThis.result = due(Calendar, Time, E)\n`
  )
  const b = run(
    bin('esbuild'),
    [
      'browser.js',
      '--bundle',
      '--platform=browser',
      '--format=iife',
      '--minify',
      '--outfile=bundle.js',
      '--log-level=warning'
    ],
    { cwd: esm.dir }
  )
  if (!b.ok) return { ok: false, detail: b.out }
  const code = readFileSync(join(esm.dir, 'bundle.js'), 'utf8')
  const vm = run(
    process.execPath,
    [
      '-e',
      `const vm = require('node:vm'); const ctx = { Intl, console }; vm.createContext(ctx); vm.runInContext(require('node:fs').readFileSync('bundle.js', 'utf8'), ctx); if (ctx.result !== '2025-03-10T11:30:00+01:00') throw new Error('bundle result ' + ctx.result)`
    ],
    { cwd: esm.dir }
  )
  const builtins = /require\("(node:)?(fs|path|os|crypto|process)"\)/.test(code)
  ok = ok && vm.ok && !builtins
  lines.push(
    `browser bundle: ${code.length} bytes minified, ${vm.ok ? 'runs in a bare VM context' : `FAILED ${vm.out}`}${builtins ? ', pulls a Node built-in' : ''}`
  )
  return { ok, detail: lines.join('\n') }
})

await check('bin', () => {
  // installed with the package's dependencies but not its peers: the bin carries what it uses of
  // fp-ts and io-ts, so it runs where they are missing, and imports nothing but Node and luxon
  const p = project(tarball, 'bin', {}, { peers: false })
  const file = join(p.dir, 'node_modules/itsm-kit', p.manifest.bin['itsm-kit'])
  const code = readFileSync(file, 'utf8')
  const specifiers = [
    ...code.matchAll(
      /(?:^|[\s;}])(?:import|export)\b[^;'"]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm
    )
  ].map((m) => m[1] ?? m[2])
  const foreign = [...new Set(specifiers.filter((s) => !s.startsWith('node:') && s !== 'luxon'))]
  const lines = [
    `imports ${[...new Set(specifiers)].sort().join(', ')}${foreign.length > 0 ? ` — FAILED: ${foreign.join(', ')}` : ''}`
  ]
  const ok = foreign.length === 0 && specifiers.includes('luxon')
  const fixture = (name) => join(root, 'test/fixtures/cli', name)
  const report = (node, jobs) =>
    run(
      node,
      [
        file,
        'report',
        fixture('events.ndjson'),
        '--agreements',
        fixture('agreements.json'),
        '--period',
        '2026-03',
        '--format',
        'csv',
        '--jobs',
        String(jobs)
      ],
      {
        cwd: p.dir,
        // segments of 4 KiB: the worker thread reads part of the log and folds part of the tickets
        env: { ...process.env, ITSM_KIT_SEGMENT_BYTES: '4096' }
      }
    )
  const works = onEachNode(p.dir, lines, (node, v) => {
    const due = run(
      node,
      [file, 'due', '--zone', 'Europe/Oslo', '--holidays', 'NO', '--from', '2025-03-07T15:30', '--duration', '4h'],
      { cwd: p.dir }
    )
    const one = report(node, 1)
    const two = report(node, 2)
    const dueOk = due.ok && due.out.startsWith('2025-03-10T11:30:00+01:00 ')
    const same = one.ok && two.ok && one.out === two.out && one.out.includes('\nFjord Regnskap AS,')
    lines.push(
      `node ${v}: due ${dueOk ? 'right' : `FAILED ${due.out}`}; report --jobs 2 ${same ? `identical to one thread (${one.out.length} bytes of CSV)` : `FAILED ${one.out.slice(0, 300)} ${two.out.slice(0, 300)}`}`
    )
    return dueOk && same
  })
  return { ok: ok && works, detail: lines.join('\n') }
})

await check('budgets', async () => {
  const { dir } = project(tarball, 'budgets', { type: 'module' })
  const { table, failures } = report(await measure(dir))
  return { ok: failures.length === 0, detail: `${table}${failures.length > 0 ? `\n${failures.join('\n')}` : ''}` }
})

const failed = results.filter((r) => !r.ok)
console.log(
  `\nconsumer checks: ${results.length - failed.length} of ${results.length} passed${failed.length > 0 ? `; failed: ${failed.map((r) => r.name).join(', ')}` : ''}`
)
process.exit(failed.length > 0 ? 1 : 0)
