// `npm run docs`: regenerates what is derived from action.yml — the input catalogue
// (src/inputs/catalog.json and catalog-names.ts) and the README's inputs/outputs reference block (formatted with
// prettier) — so the committed files are exactly what this produces.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import {
  readActionMeta,
  renderCatalogJson,
  renderCatalogNames,
  renderReference,
  spliceReference
} from './action-metadata.ts'

const meta = readActionMeta(readFileSync('action.yml', 'utf8'))
writeFileSync('src/inputs/catalog.json', renderCatalogJson(meta))
writeFileSync('src/inputs/catalog-names.ts', renderCatalogNames(meta))
writeFileSync(
  'README.md',
  spliceReference(readFileSync('README.md', 'utf8'), renderReference(meta))
)
execFileSync('npx', ['prettier', '--write', 'README.md'], { stdio: 'ignore' })
