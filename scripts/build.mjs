// Builds dist/ as trees that preserve the source modules (one output file per src/ file), so
// bundlers keep only what a consumer uses and both entry points (`itsm-kit`, `itsm-kit/codec`)
// share one copy of every module. See docs/packaging.md.
//   dist/esm/      ESM for Node and TypeScript (`import` condition): .js, .js.map, .d.ts (tsc)
//   dist/cjs/      CommonJS for Node (`require` condition), package.json {"type":"commonjs"}, the same .d.ts
//   dist/bundler/  the ESM tree with fp-ts/lib/<M>.js rewritten to fp-ts/es6/<M>.js (`module` condition:
//                  Node ignores it; esbuild, Vite and webpack read it), so fp-ts tree-shakes too
// Every src/**/*.ts but the command line's is an input, so a new namespace needs no edit here.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]))

rmSync(dist, { recursive: true, force: true })
// the command line (src/cli/) is built on its own by scripts/build-cli.mjs
const entryPoints = walk(join(root, 'src')).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !relative(join(root, 'src'), f).startsWith('cli')
)
const common = {
  entryPoints,
  bundle: false,
  sourcemap: true,
  sourcesContent: true,
  target: 'es2022',
  platform: 'neutral',
  logLevel: 'warning',
  outbase: join(root, 'src')
}
await build({ ...common, format: 'esm', outdir: join(dist, 'esm') })
await build({ ...common, format: 'cjs', outdir: join(dist, 'cjs') })
writeFileSync(join(dist, 'cjs/package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`)

// declarations: tsc, one .d.ts per module, so every type stays nameable through its namespace
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  { stdio: 'inherit' }
)

const esm = walk(join(dist, 'esm'))
for (const file of esm.filter((f) => f.endsWith('.d.ts'))) {
  const to = join(dist, 'cjs', relative(join(dist, 'esm'), file))
  mkdirSync(dirname(to), { recursive: true })
  copyFileSync(file, to)
}
for (const file of esm.filter((f) => f.endsWith('.js'))) {
  const rel = relative(join(dist, 'esm'), file)
  const to = join(dist, 'bundler', rel)
  const text = readFileSync(file, 'utf8')
    .replace(/(["'])fp-ts\/lib\/([A-Za-z]+)\.js\1/g, '$1fp-ts/es6/$2.js$1')
    // same lines as the ESM file, so its source map serves both
    .replace(
      /\/\/# sourceMappingURL=(\S+)\s*$/,
      (_, map) => `//# sourceMappingURL=${relative(dirname(to), join(dirname(file), map))}\n`
    )
  mkdirSync(dirname(to), { recursive: true })
  writeFileSync(to, text)
}
const count = (dir, ext) => walk(join(dist, dir)).filter((f) => f.endsWith(ext)).length
console.log(
  `dist/esm: ${count('esm', '.js')} modules, ${count('esm', '.d.ts')} declarations; dist/cjs: ${count('cjs', '.js')}; dist/bundler: ${count('bundler', '.js')}`
)
