import { mkdir, open, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes `text` to `file` so that a reader sees either the old content or the new, never half a
 * file: write a temporary file in the same folder (a rename is atomic only within one file
 * system), flush it, then rename it over `file`. node_exporter's textfile collector requires
 * this, and an evidence file half-written by a cancelled run would be worse than none. The
 * temporary name starts with a dot and does not end in `.prom`, so the collector never reads it.
 * Mode 0644: the collector usually runs as another user than the cron job.
 */
export async function writeFileAtomic(
  file: string,
  text: string,
  options: { createFolder?: boolean } = {}
): Promise<void> {
  const folder = path.dirname(path.resolve(file))
  if (options.createFolder) await mkdir(folder, { recursive: true })
  // node:crypto loads here, not with the module: the report imports this module's neighbours
  // on every run but writes a file like this only when asked to (metrics-file).
  const suffix = process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')
  const temp = path.join(folder, `.${path.basename(file)}.${process.pid}.${suffix}.tmp`)
  try {
    const handle = await open(temp, 'wx', 0o644)
    try {
      await handle.writeFile(text)
      // Explicitly, whatever the umask: the collector must be able to read it.
      await handle.chmod(0o644)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
