// Completes package-lock.json with the optional platform packages that this machine's registry
// mirror does not serve (it answers 404 for e.g. @rollup/rollup-android-arm-eabi). `npm install`
// silently leaves such optional packages out of the lock, and npm 11's `npm ci` then refuses
// the lock as out of sync. Each added entry carries the os/cpu/libc that the package's name
// states (rollup names its native packages <os>-<cpu>[-<abi>]), so `npm ci` skips it on other
// platforms without fetching it. Run after `npm install` whenever dependencies change:
//   node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs'

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(file, 'utf8'))
const packages = lock.packages
const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'netbsd', 'sunos', 'aix']
const CPU = ['arm', 'arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el']
const LIBC = { gnu: 'glibc', gnueabihf: 'glibc', musl: 'musl', musleabihf: 'musl' }

let added = 0
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    // where npm would place it: next to the dependant, or hoisted to the root
    const nested = `${path}/node_modules/${name}`
    const hoisted = `node_modules/${name}`
    if (packages[nested] !== undefined || packages[hoisted] !== undefined) continue
    const parts = name.split('/').pop().split('-')
    const os = parts.find((p) => OS.includes(p))
    const cpu = parts.find((p) => CPU.includes(p))
    if (os === undefined || cpu === undefined) {
      console.error(`${name}: missing from the lock and its name states no platform; add it by hand`)
      process.exitCode = 1
      continue
    }
    const libc = parts.map((p) => LIBC[p]).find((x) => x !== undefined)
    packages[hoisted] = {
      version,
      cpu: [cpu],
      ...(entry.dev === true ? { dev: true } : {}),
      license: entry.license,
      optional: true,
      os: [os],
      ...(libc === undefined ? {} : { libc: [libc] })
    }
    added++
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0))
)
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`package-lock.json: added ${added} optional platform entries`)
