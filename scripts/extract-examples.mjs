// Extracts every ```ts fence from the JSDoc comments in src/ into tmp/examples/, one vitest file
// per source file, type-checks them with 'itsm-kit' mapped to src/index.ts, and leaves them for
// `vitest run --config vitest.examples.config.ts`. Fails when an exported function or constant
// has no example. With `--out <dir> --no-check` it only writes the files (test/package/run.mjs
// type-checks and runs them against the packed tarball instead of src/).
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const arg = (name) => {
  const i = process.argv.indexOf(name)
  return i < 0 ? undefined : process.argv[i + 1]
}
const out = arg('--out') ?? join(root, 'tmp/examples')
const check = !process.argv.includes('--no-check')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

const walk = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]))
let count = 0
const missing = []
for (const file of walk(join(root, 'src')).filter((f) => f.endsWith('.ts'))) {
  const text = readFileSync(file, 'utf8')
  const rel = relative(join(root, 'src'), file)
  const tests = []
  for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\/\s*export\s+(const|function|type|interface)?\s*(\w+)?/g)) {
    const body = m[1]
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n')
    const fences = [...body.matchAll(/```ts\n([\s\S]*?)```/g)].map((f) => f[1])
    if (fences.length === 0 && (m[2] === 'const' || m[2] === 'function') && !body.includes('@internal'))
      missing.push(`${rel}: ${m[3]}`)
    for (const code of fences) tests.push({ name: m[3] ?? 'module', code })
  }
  // module headers (@module) sit before imports, not before an export
  for (const m of text.matchAll(/\/\*\*([\s\S]*?@module[\s\S]*?)\*\//g)) {
    const body = m[1]
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n')
    for (const f of body.matchAll(/```ts\n([\s\S]*?)```/g)) tests.push({ name: 'module', code: f[1] })
  }
  if (tests.length === 0) continue
  // one test file per source file; imports of all its examples merged per module
  const base = rel.replace(/[\\/]/g, '__').replace(/\.ts$/, '')
  const named = new Map() // module -> Set of specifiers
  const whole = new Set() // `import * as X from 'm'` and default imports, verbatim
  const cases = tests.map(({ name, code }, i) => {
    const body = []
    for (const line of code.split('\n')) {
      const m = /^import\s+\{([^}]*)\}\s+from\s+(['"][^'"]+['"])/.exec(line)
      if (m) {
        const set = named.get(m[2]) ?? new Set()
        for (const spec of m[1]
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean))
          set.add(spec)
        named.set(m[2], set)
      } else if (/^import\s/.test(line)) whole.add(line.trim())
      else body.push(`    ${line}`)
    }
    count++
    return `  it(${JSON.stringify(`${name} #${i + 1}`)}, async () => {\n${body.join('\n')}\n  })`
  })
  const imports = [...whole, ...[...named].map(([mod, specs]) => `import { ${[...specs].join(', ')} } from ${mod}`)]
  writeFileSync(
    join(out, `${base}.test.ts`),
    `// extracted from src/${rel}\nimport { describe, it } from 'vitest'\n${imports.join('\n')}\n\ndescribe(${JSON.stringify(rel)}, () => {\n${cases.join('\n\n')}\n})\n`
  )
}
if (missing.length > 0) {
  console.error(`exports without an @example:\n${missing.join('\n')}`)
  process.exit(1)
}
if (!check) {
  console.log(`extracted ${count} examples to ${out}`)
  process.exit(0)
}
writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify({
    extends: '../../tsconfig.json',
    compilerOptions: {
      lib: ['ES2022'],
      types: ['node'],
      paths: { 'itsm-kit': ['../../src/index.ts'], 'itsm-kit/codec': ['../../src/codec/index.ts'] },
      noUnusedLocals: false
    },
    include: ['./*.ts']
  })
)
execFileSync('npx', ['tsc', '--noEmit', '-p', join(out, 'tsconfig.json')], { stdio: 'inherit' })
console.log(`extracted and type-checked ${count} examples`)
