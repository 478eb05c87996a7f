// Writes schema/<name>.json for every codec of src/codec/index.ts (see scripts/json-schema.mjs);
// shipped in the package as itsm-kit/schema/<name>.json.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateSchemas, schemaName } from './json-schema.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const dir = join(root, 'schema')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir)
const schemas = generateSchemas(root)
for (const [name, schema] of Object.entries(schemas))
  writeFileSync(join(dir, `${schemaName(name)}.json`), `${JSON.stringify(schema, null, 2)}\n`)
console.log(
  `schema/: ${Object.keys(schemas)
    .map((n) => `${schemaName(n)}.json`)
    .join(', ')}`
)
