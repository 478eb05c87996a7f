#!/usr/bin/env bash
# Proves the packed tarball works as users get it: Node ESM import, Node CommonJS require (both
# entry points), type resolution (attw), and an esbuild bundle for the browser that runs.
# Uses the repository's node_modules for the dependencies: nothing is downloaded.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
tarball=$(npm pack --silent --pack-destination "$work" 2>/dev/null | tail -n 1)
mkdir -p "$work/app/node_modules/itsm-kit"
tar -xzf "$work/$tarball" -C "$work/app/node_modules/itsm-kit" --strip-components=1
for dep in fp-ts io-ts luxon; do ln -s "$root/node_modules/$dep" "$work/app/node_modules/$dep"; done
echo '{ "name": "smoke", "private": true }' > "$work/app/package.json"
cd "$work/app"

check='
const due = (Calendar, Time, E) => {
  const cal = Calendar.compile(Calendar.weekdays({ zone: "Europe/Oslo", opens: "08:00", closes: "16:00", holidays: Calendar.publicHolidays.NO }));
  const at = Time.fromISO("2025-03-07T15:30:00+01:00");
  const d = Time.hours(4);
  if (!E.isRight(cal) || !E.isRight(at) || !E.isRight(d)) throw new Error("construction failed");
  const out = Time.toLocalISO(cal.right.zone)(Calendar.addBusinessTime(at.right, d.right)(cal.right));
  if (out !== "2025-03-10T11:30:00+01:00") throw new Error("wrong due date " + out);
  return out;
};'

node --input-type=module -e "
import { Calendar, Time, Codec } from 'itsm-kit';
import * as C from 'itsm-kit/codec';
import * as E from 'fp-ts/lib/Either.js';
$check
if (typeof C.CalendarSpecJson.decode !== 'function' || typeof Codec.formatDecodeError !== 'function') throw new Error('codec entry');
console.log('ESM import ok:', due(Calendar, Time, E));
"
node -e "
const { Calendar, Time } = require('itsm-kit');
const C = require('itsm-kit/codec');
const E = require('fp-ts/lib/Either.js');
$check
if (typeof C.CalendarSpecJson.decode !== 'function') throw new Error('codec entry');
console.log('CJS require ok:', due(Calendar, Time, E));
"

# a browser bundle through the "module" condition: no Node built-ins, and it runs
cat > entry.mjs <<JS
import { Calendar, Time } from 'itsm-kit'
import * as E from 'fp-ts/es6/Either.js'
$check
globalThis.result = due(Calendar, Time, E)
JS
"$root/node_modules/.bin/esbuild" entry.mjs --bundle --platform=browser --format=iife --minify --outfile=bundle.js --log-level=warning
if grep -Eq 'require\("(node:)?(fs|path|os|crypto|process)"\)' bundle.js; then echo 'browser bundle pulls a Node built-in'; exit 1; fi
node -e "const vm = require('node:vm'); const ctx = { Intl, console }; vm.createContext(ctx); vm.runInContext(require('node:fs').readFileSync('bundle.js', 'utf8'), ctx); if (ctx.result !== '2025-03-10T11:30:00+01:00') throw new Error('bundle result ' + ctx.result); console.log('browser bundle ok:', require('node:fs').statSync('bundle.js').size, 'bytes minified, runs in a bare VM context')"

cd "$root"
npx --no-install attw --pack . --profile node16 --quiet && echo 'attw ok'
