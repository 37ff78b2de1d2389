'use strict'
// Loads the native addon built by `npm run build` into ../native/, named after the platform
// (e.g. lumnisai.linux-x64-gnu.node), and the shared helpers every call goes through. The
// core's warnings (a tenant-scope run bypassing user isolation) become process warnings, so
// that they are seen by default and handled the way Node handles its own.

const fs = require('node:fs')
const path = require('node:path')

const NATIVE_DIR = path.join(__dirname, '..', 'native')

function platformNames() {
  const { platform, arch } = process
  if (platform !== 'linux') return [`lumnisai.${platform}-${arch}.node`]
  // A machine has one libc and a build makes one file; which one exists tells which it is
  // (asking process.report would cost more than the load itself).
  return ['gnu', 'musl'].map((libc) => `lumnisai.linux-${arch}-${libc}.node`)
}

function loadAddon() {
  const candidates = platformNames().map((name) => path.join(NATIVE_DIR, name))
  const found = candidates.find((file) => fs.existsSync(file))
  if (found) return require(found)
  // A build without --platform names the file plainly.
  const plain = path.join(NATIVE_DIR, 'lumnisai.node')
  if (fs.existsSync(plain)) return require(plain)
  throw new Error(
    `lumnisai: the native addon is missing (looked for ${candidates.join(', ')}); ` +
      'run `npm run build` in the lumnisai package (it needs a Rust toolchain)',
  )
}

const addon = loadAddon()

// LUMNISAI_LOG, when set, sends every record (warnings included) to stderr instead.
addon.setWarningHandler((message) => process.emitWarning(message, 'LumnisWarning'))

module.exports = { addon }
