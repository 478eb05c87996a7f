// Extracts the ```ts blocks of README.md and docs/*.md into vitest files (one per block, imports
// hoisted, the body inside `it`), to be type-checked and run against the installed package like
// the @example blocks. A block whose fence says more than `ts` (e.g. ```ts fragment) is partial
// on purpose: it is skipped, and counted per label.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const guideBlocks = (root) => {
  const docs = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `docs/${f}`)
  ]
  const files = []
  const skipped = {}
  for (const doc of docs) {
    const lines = readFileSync(join(root, doc), 'utf8').split('\n')
    let i = 0
    while (i < lines.length) {
      const open = /^```(ts|typescript)(?:\s+(.*))?$/.exec(lines[i])
      if (open === null) {
        i++
        continue
      }
      const start = i + 1
      let end = start
      while (end < lines.length && !/^```\s*$/.test(lines[end])) end++
      const code = lines.slice(start, end)
      i = end + 1
      const label = open[2]?.trim()
      if (label !== undefined && label !== '') {
        skipped[label] = (skipped[label] ?? 0) + 1
        continue
      }
      const imports = code.filter((l) => /^import\s/.test(l))
      const body = code.filter((l) => !/^import\s/.test(l)).map((l) => `    ${l}`)
      const name = `${doc.replace(/[/.]/g, '_')}_L${start}`
      files.push({
        name: `${name}.test.ts`,
        text: `// ${doc}, the ts block at line ${start}\nimport { it } from 'vitest'\n${imports.join('\n')}\n\nit(${JSON.stringify(`${doc}:${start}`)}, async () => {\n${body.join('\n')}\n})\n`
      })
    }
  }
  return { files, skipped }
}
