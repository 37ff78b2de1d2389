// Writes the README's TypeScript example to readme.mts (not checked in), so that the type
// test checks it as written: an example that no longer type-checks fails `npm run typecheck`.
import fs from 'node:fs'

const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const block = /```ts\n([\s\S]*?)```/.exec(readme)
if (!block) throw new Error('README.md has no ```ts example')
const note = '// Generated from README.md by extract-readme.mjs; edit the README instead.\n'
// `export {}` makes it a module, so that its top-level await and names are its own.
fs.writeFileSync(new URL('./readme.mts', import.meta.url), `${note}${block[1]}export {}\n`)
