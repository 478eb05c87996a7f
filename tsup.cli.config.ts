import { defineConfig } from 'tsup'

// The command line (`bin`): one ESM file with its #! line (tsup marks it executable); the
// library is bundled in, its dependencies stay external.
export default defineConfig({
  entry: { 'cli/main': 'src/cli/main.ts' },
  format: ['esm'],
  dts: false,
  sourcemap: false,
  clean: false,
  target: 'es2022',
  platform: 'node',
  splitting: false,
  external: ['fp-ts', 'io-ts', 'luxon']
})
