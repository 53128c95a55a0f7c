// Bundles each entry point into its own dist/ folder with ncc (ESM output, one
// index.js + package.json per folder). The output is deterministic, so CI can
// compare a fresh bundle with the committed one (scripts/check-dist.mjs).
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

const entries = { main: 'src/index.ts', post: 'src/post.ts', cli: 'src/cli.ts' }

for (const [name, source] of Object.entries(entries)) {
  rmSync(`dist/${name}`, { recursive: true, force: true })
  execFileSync(
    'npx',
    ['ncc', 'build', source, '-o', `dist/${name}`, '--quiet', '--license', 'licenses.txt'],
    {
      stdio: 'inherit'
    }
  )
}
