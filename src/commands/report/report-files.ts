import { glob, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { InputError } from '../../inputs/input-error.js'
import type { ReportDocument } from './document.js'

/**
 * The report JSON files named by `report-files`: a folder (every *.json below it, as
 * actions/download-artifact lays out one sub-folder per artifact), a glob, or a file; several
 * separated by commas or newlines. Sorted, so the merge is the same on every runner.
 */
export async function findReportFiles(spec: string, cwd = process.cwd()): Promise<string[]> {
  const entries = spec
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const found = new Set<string>()
  for (const entry of entries) {
    const matches = await expand(entry, cwd)
    if (matches.length === 0) {
      throw new InputError('report-files', `"${entry}" matches no report JSON file`)
    }
    for (const file of matches) found.add(path.resolve(cwd, file))
  }
  if (found.size === 0) throw new InputError('report-files', 'names no file')
  return [...found].sort()
}

async function expand(entry: string, cwd: string): Promise<string[]> {
  const isDir = await stat(path.resolve(cwd, entry)).then(
    (s) => s.isDirectory(),
    () => false
  )
  const pattern = isDir ? path.join(entry, '**', '*.json') : entry
  const matches: string[] = []
  for await (const file of glob(pattern, { cwd })) matches.push(file)
  return matches
}

/** Reads one report; anything but a schema-1 report is bad input naming the file. */
export async function readReportFile(file: string): Promise<ReportDocument> {
  let doc: unknown
  try {
    doc = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new InputError(
      'report-files',
      `${file} is not readable JSON: ${(error as Error).message}`
    )
  }
  const d = doc as Partial<ReportDocument> | null
  if (!d || typeof d !== 'object' || !Array.isArray(d.instances) || !d.policy) {
    throw new InputError('report-files', `${file} is not a report JSON of this action`)
  }
  if (d.schemaVersion !== 1) {
    throw new InputError(
      'report-files',
      `${file} has schemaVersion ${String(d.schemaVersion)}; this version reads 1`
    )
  }
  return d as ReportDocument
}
