import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', codec: 'src/codec/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: false,
  treeshake: true,
  external: ['fp-ts', 'io-ts', 'luxon']
})
