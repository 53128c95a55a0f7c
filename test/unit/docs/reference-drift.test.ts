import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@jest/globals'
import * as prettier from 'prettier'
import {
  readActionMeta,
  renderCatalogJson,
  renderCatalogNames,
  renderReference,
  spliceReference
} from '../../../scripts/action-metadata.js'

// What `npm run docs` writes must be what is committed: change action.yml, run `npm run docs`.
const ROOT = path.resolve(import.meta.dirname, '../../..')
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8')
const meta = readActionMeta(read('action.yml'))

async function formatted(file: string, text: string): Promise<string> {
  const options = await prettier.resolveConfig(path.join(ROOT, file))
  return prettier.format(text, { ...options, filepath: path.join(ROOT, file) })
}

test('the input catalogue matches action.yml (run `npm run docs`)', () => {
  expect(read('src/inputs/catalog.json')).toBe(renderCatalogJson(meta))
  expect(read('src/inputs/catalog-names.ts')).toBe(renderCatalogNames(meta))
})

test('an input or output missing from the tables or from action.yml fails the catalogue', () => {
  const yml = read('action.yml')
  const extraInput = yml.replace(/^inputs:\n/m, 'inputs:\n  brand-new:\n    description: x\n')
  expect(() => readActionMeta(extraInput)).toThrow(/"brand-new" is not in INPUT_TABLE/)
  const lostInput = yml.replace(/^ {2}ttl:\n( {4}.*\n)+/m, '')
  expect(() => readActionMeta(lostInput)).toThrow(/INPUT_TABLE names "ttl"/)
  const extraOutput = yml.replace(/^outputs:\n/m, 'outputs:\n  brand-new:\n    description: x\n')
  expect(() => readActionMeta(extraOutput)).toThrow(/"brand-new" is not in OUTPUT_TABLE/)
})

test('the README’s inputs/outputs reference matches action.yml (run `npm run docs`)', async () => {
  const readme = read('README.md')
  expect(readme).toBe(await formatted('README.md', spliceReference(readme, renderReference(meta))))
})

test('the reference names every input and output of action.yml', () => {
  const reference = renderReference(meta)
  for (const i of meta.inputs) expect(reference).toContain(`| \`${i.name}\` |`)
  for (const o of meta.outputs) expect(reference).toContain(`| \`${o.name}\` |`)
})

test('secrets and booleans are recognised from action.yml', () => {
  const byName = new Map(meta.inputs.map((i) => [i.name, i]))
  expect(byName.get('application-credential-secret')?.secret).toBe(true)
  expect(byName.get('db-password')?.secret).toBe(true)
  expect(byName.get('wait')?.boolean).toBe(true)
  expect(byName.get('timeout')?.boolean).toBe(false)
  expect(byName.get('instance')?.modes).toEqual(
    expect.arrayContaining(['backup', 'report', 'verify'])
  )
})
