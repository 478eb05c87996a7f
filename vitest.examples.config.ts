import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Runs the @example blocks extracted from src/ JSDoc by scripts/extract-examples.mjs,
// with 'itsm-kit' and 'itsm-kit/codec' mapped to the sources. (test/package/run.mjs runs the
// same blocks against the packed tarball.)
const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url))
export default defineConfig({
  resolve: {
    alias: [
      { find: /^itsm-kit$/, replacement: src('index.ts') },
      { find: /^itsm-kit\/codec$/, replacement: src('codec/index.ts') }
    ]
  },
  test: { include: ['tmp/examples/**/*.test.ts'] }
})
