// Builds the command line (the package's `bin`): src/cli/main.ts bundled into one ESM file with
// its `#!` line, executable. The library's sources and the parts of fp-ts and io-ts it uses (their
// ES module builds, so unused code is left out) are bundled in, their licences at the end of the
// file; luxon, a dependency of the package, stays external. Bundling the two peers spares every
// start of the bin, and of each `--jobs` thread, loading their CommonJS files one by one and
// scanning them for exports: about 0.1 s of a 0.25 s start on our machine.
//   node scripts/build-cli.mjs [--outdir DIR]   (default dist/; writes DIR/cli/main.js)
import { chmodSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({ options: { outdir: { type: 'string', default: join(root, 'dist') } } })
const outfile = join(values.outdir, 'cli/main.js')
const bundled = ['fp-ts', 'io-ts']
const licences = bundled
  .map((name) => {
    const { version } = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'))
    const text = readFileSync(join(root, 'node_modules', name, 'LICENSE'), 'utf8').trim()
    return `${name} ${version}, bundled in this file:\n\n${text}`
  })
  .join('\n\n')
/** Our sources import `fp-ts/lib/X.js` (CommonJS, as Node's own ESM loader needs); the bin takes `fp-ts/es6/X.js`. */
const fpTsEs6 = {
  name: 'fp-ts-es6',
  setup(b) {
    b.onResolve({ filter: /^fp-ts\/lib\// }, (args) =>
      b.resolve(args.path.replace(/^fp-ts\/lib\//, 'fp-ts/es6/'), { kind: args.kind, resolveDir: args.resolveDir })
    )
  }
}
await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['luxon'],
  // io-ts's ES module build (its `module` field), which imports fp-ts/es6 as the plugin does
  mainFields: ['module', 'main'],
  plugins: [fpTsEs6],
  footer: { js: `/*\n${licences.replaceAll('*/', '* /')}\n*/` },
  logLevel: 'warning'
})
chmodSync(outfile, 0o755)
console.log(`wrote ${outfile}`)
