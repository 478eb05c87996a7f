// Builds the command line (the package's `bin`): src/cli/main.ts bundled into one ESM file with
// its `#!` line, the library's sources bundled in, its dependencies left external, executable.
//   node scripts/build-cli.mjs [--outdir DIR]   (default dist/; writes DIR/cli/main.js)
import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({ options: { outdir: { type: 'string', default: join(root, 'dist') } } })
const outfile = join(values.outdir, 'cli/main.js')
await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['fp-ts', 'io-ts', 'luxon'],
  logLevel: 'warning'
})
chmodSync(outfile, 0o755)
console.log(`wrote ${outfile}`)
