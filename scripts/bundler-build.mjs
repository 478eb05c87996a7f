// Writes dist/<entry>.bundler.js: the ESM build with `fp-ts/lib/<M>.js` rewritten to `fp-ts/es6/<M>.js`,
// served to bundlers through the "module" export condition (Node ignores it). fp-ts's lib/ build
// is CommonJS and does not tree-shake; its es6/ build does, but Node cannot load it natively.
import { readFileSync, writeFileSync } from 'node:fs'

for (const entry of ['index', 'codec']) {
  const src = readFileSync(new URL(`../dist/${entry}.js`, import.meta.url), 'utf8')
  const out = src.replace(/(["'])fp-ts\/lib\/([A-Za-z]+)\.js\1/g, '$1fp-ts/es6/$2.js$1')
  writeFileSync(new URL(`../dist/${entry}.bundler.js`, import.meta.url), out)
}
console.log('wrote dist/index.bundler.js and dist/codec.bundler.js')
