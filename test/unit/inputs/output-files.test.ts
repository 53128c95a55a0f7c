import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readEvidencePath, readMetricsFile } from '../../../src/inputs/output-files.js'
import { readDrillInputs } from '../../../src/inputs/restore.js'
import { readMirrorInputs } from '../../../src/inputs/mirror.js'
import { readReportInputs } from '../../../src/inputs/report.js'
import { fakeInputs } from '../helpers/inputs.js'

const dir = mkdtempSync(path.join(tmpdir(), 'output-files-'))
const plainFile = path.join(dir, 'plain-file')
writeFileSync(plainFile, '')

describe('metrics-file', () => {
  test('a .prom file in an existing folder is taken; not given, none is written', () => {
    const file = path.join(dir, 'dbaas.prom')
    expect(readMetricsFile(fakeInputs({ 'metrics-file': file }))).toBe(file)
    expect(readMetricsFile(fakeInputs({}))).toBeUndefined()
  })

  test.each([
    ['a directory', () => dir, /is a directory; name the \.prom file to write/],
    ['a name without .prom', () => path.join(dir, 'dbaas.txt'), /does not end in \.prom/],
    ['only ".prom"', () => path.join(dir, '.prom'), /does not end in \.prom/],
    [
      'a folder that does not exist',
      () => path.join(dir, 'no-such-folder', 'dbaas.prom'),
      /folder ".*no-such-folder" does not exist/
    ],
    ['a folder that is a file', () => path.join(plainFile, 'dbaas.prom'), /is a file, not a folder/]
  ])('%s is refused, naming the input', (_what, file, message) => {
    expect(() => readMetricsFile(fakeInputs({ 'metrics-file': file() }))).toThrow(message)
    expect(() => readMetricsFile(fakeInputs({ 'metrics-file': file() }))).toThrow(
      /Input "metrics-file"/
    )
  })

  test('report, verify and mirror (both actions) read it', () => {
    const file = path.join(dir, 'm.prom')
    expect(readReportInputs(fakeInputs({ instance: 'db', 'metrics-file': file })).metricsFile).toBe(
      file
    )
    const drill = { instance: 'db', 'db-user': 'u', 'db-password': 'p', 'metrics-file': file }
    expect(readDrillInputs(fakeInputs(drill)).metricsFile).toBe(file)
    const store = { 's3-uri': 's3://offsite/p/', 'metrics-file': file }
    expect(readMirrorInputs(fakeInputs({ ...store, 'mirror-action': 'verify' })).metricsFile).toBe(
      file
    )
    expect(
      readMirrorInputs(
        fakeInputs({
          ...store,
          instance: 'db',
          'db-user': 'u',
          'db-password': 'p',
          encryption: 'none'
        })
      ).metricsFile
    ).toBe(file)
  })
})

describe('evidence-path', () => {
  test('a path in a folder still to be created is taken (the writer creates it)', () => {
    const file = path.join(dir, 'new', 'folder', 'evidence.json')
    expect(readEvidencePath(fakeInputs({ 'evidence-path': file }))).toBe(file)
    expect(readEvidencePath(fakeInputs({}))).toBeUndefined()
  })

  test.each([
    [
      'a directory',
      () => dir,
      /Input "evidence-path": ".*" is a directory; name the evidence JSON file/
    ],
    [
      'a path under a file',
      () => path.join(plainFile, 'evidence.json'),
      /Input "evidence-path": ".*plain-file" is a file, not a folder/
    ]
  ])('%s is refused', (_what, file, message) => {
    expect(() =>
      readDrillInputs(
        fakeInputs({ instance: 'db', 'db-user': 'u', 'db-password': 'p', 'evidence-path': file() })
      )
    ).toThrow(message)
  })
})
