// Helpers for the consumer-side checks: pack the repository as `npm publish` would, and install
// the tarball into fresh temporary projects without network access. A project gets exactly the
// packed package plus what its package.json declares (dependencies and peerDependencies), linked
// from the repository's node_modules, so a dependency missing from package.json shows up as a
// failure here, as it would for a user.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const bin = (name) => join(root, 'node_modules/.bin', name)

/** The scratch directories to remove at exit: one listener for all of them, however many there are. */
const scratched = []
process.on('exit', () => {
  for (const dir of scratched) rmSync(dir, { recursive: true, force: true })
})

/** A fresh temporary directory, removed at exit unless KEEP_TMP is set. */
export const scratch = (label) => {
  const dir = mkdtempSync(join(tmpdir(), `itsm-kit-${label}-`))
  if (process.env.KEEP_TMP === undefined) scratched.push(dir)
  return dir
}

/** Runs a command, returning { ok, out } with stdout and stderr together. */
export const run = (cmd, args, opts = {}) => {
  try {
    const out = execFileSync(cmd, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
      ...opts
    })
    return { ok: true, out }
  } catch (e) {
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` || String(e) }
  }
}

/**
 * `npm pack` of the repository, as from a fresh clone: dist/ and schema/ are removed first, so
 * the tarball has them only if `prepack` builds them. Returns the tarball's path. Set
 * PACKED=<file> to reuse one.
 */
export const pack = () => {
  if (process.env.PACKED !== undefined) return process.env.PACKED
  for (const built of ['dist', 'schema']) rmSync(join(root, built), { recursive: true, force: true })
  const dir = scratch('pack')
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const name = out.trim().split('\n').pop()
  return join(dir, name)
}

/**
 * A fresh project with the tarball installed as node_modules/itsm-kit and its declared
 * dependencies linked (its peer dependencies too, unless `peers` is false).
 */
export const project = (tarball, label, pkg = {}, { peers = true } = {}) => {
  const dir = scratch(label)
  const target = join(dir, 'node_modules/itsm-kit')
  mkdirSync(target, { recursive: true })
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'])
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'))
  const deps = Object.keys({ ...manifest.dependencies, ...(peers ? manifest.peerDependencies : {}) })
  for (const dep of deps) link(dir, dep)
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `consumer-${label}`, private: true, ...pkg }, null, 2)
  )
  return { dir, manifest, deps }
}

/** Links node_modules/<name> of a project to the repository's copy. */
export const link = (dir, name) => {
  const from = join(root, 'node_modules', name)
  if (!existsSync(from)) throw new Error(`${name} is declared by the package but not installed in the repository`)
  const to = join(dir, 'node_modules', name)
  mkdirSync(dirname(to), { recursive: true })
  if (!existsSync(to)) symlinkSync(from, to, 'dir')
}

export const write = (file, text) => {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, text)
}
