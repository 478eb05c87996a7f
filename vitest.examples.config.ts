import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Runs the @example blocks extracted from src/ JSDoc by scripts/extract-examples.mjs,
// with 'itsm-kit' mapped to the sources.
export default defineConfig({
  resolve: { alias: { 'itsm-kit': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: { include: ['tmp/examples/**/*.test.ts'] }
})
