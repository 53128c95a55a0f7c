// `npm run docs`: regenerates what is derived from action.yml — the CLI's bundled input
// metadata (src/inputs/catalog-data.ts) and the README's inputs/outputs reference block — then
// formats both with prettier, so the committed files are exactly what this produces.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import {
  readActionMeta,
  renderMetadataModule,
  renderReference,
  spliceReference
} from '../src/inputs/catalog.ts'

const meta = readActionMeta(readFileSync('action.yml', 'utf8'))
writeFileSync('src/inputs/catalog-data.ts', renderMetadataModule(meta))
writeFileSync(
  'README.md',
  spliceReference(readFileSync('README.md', 'utf8'), renderReference(meta))
)
execFileSync('npx', ['prettier', '--write', 'src/inputs/catalog-data.ts', 'README.md'], {
  stdio: 'ignore'
})
