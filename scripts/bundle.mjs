// Bundles each entry point into its own dist/ folder with ncc (ESM output, one
// index.js + package.json per folder, plus lazily loaded chunks). The output is
// deterministic, so CI can compare a fresh bundle with the committed one
// (scripts/check-dist.mjs). Each bundle is built aside and swapped in at the end,
// so a test running the old bundle never sees a half-written folder.
import { execFileSync } from 'node:child_process'
import { renameSync, rmSync } from 'node:fs'

const entries = { main: 'src/index.ts', post: 'src/post.ts', cli: 'src/cli.ts' }

for (const [name, source] of Object.entries(entries)) {
  const staging = `dist/.${name}-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  execFileSync(
    'npx',
    ['ncc', 'build', source, '-o', staging, '--quiet', '--license', 'licenses.txt'],
    {
      stdio: 'inherit'
    }
  )
  const old = `dist/.${name}-old-${process.pid}`
  try {
    renameSync(`dist/${name}`, old)
  } catch {
    // first build: nothing to move away
  }
  renameSync(staging, `dist/${name}`)
  rmSync(old, { recursive: true, force: true })
}
