import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../errors.js'
import type { InputName } from './catalog-names.js'
import type { InputSource } from './source.js'

/**
 * A file the run writes (report-path, evidence-path), checked up front so that nothing is
 * computed — or restored — only to fail at writing it. Missing folders are created at writing.
 */
export function readOutputPath(
  source: InputSource,
  name: InputName,
  what: string
): string | undefined {
  const file = source.get(name)
  if (!file) return undefined
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new InputError(name, `"${file}" is a directory; name the ${what} to write`)
  }
  const parent = path.dirname(path.resolve(file))
  if (existsSync(parent) && !statSync(parent).isDirectory()) {
    throw new InputError(name, `"${path.dirname(file)}" is a file, not a folder`)
  }
  return file
}

/** The drill evidence JSON (verify, mirror drill); undefined: the default under $RUNNER_TEMP. */
export function readEvidencePath(source: InputSource): string | undefined {
  return readOutputPath(source, 'evidence-path', 'evidence JSON file')
}

/**
 * metrics-file (report, verify, mirror). node_exporter's textfile collector reads only `*.prom`
 * files of the folder it is given, so another name, or a folder that does not exist (a typo of
 * the collector's folder), would be written where nothing ever reads it: both are refused.
 */
export function readMetricsFile(source: InputSource): string | undefined {
  const file = source.get('metrics-file')
  if (!file) return undefined
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new InputError('metrics-file', `"${file}" is a directory; name the .prom file to write`)
  }
  if (!file.endsWith('.prom') || path.basename(file) === '.prom') {
    throw new InputError(
      'metrics-file',
      `"${file}" does not end in .prom; node_exporter's textfile collector reads only *.prom files`
    )
  }
  const parent = path.dirname(path.resolve(file))
  if (!existsSync(parent)) {
    throw new InputError(
      'metrics-file',
      `folder "${path.dirname(file)}" does not exist; give the textfile collector's folder`
    )
  }
  if (!statSync(parent).isDirectory()) {
    throw new InputError('metrics-file', `"${path.dirname(file)}" is a file, not a folder`)
  }
  return file
}
