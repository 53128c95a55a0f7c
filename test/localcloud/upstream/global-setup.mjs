// Jest's globalSetup for the suites on the upstream cloud: makes (or finds) the saved
// snapshot of Keystone's and Trove's schemas and seeds once, before any test file starts
// a cloud, so each start takes seconds rather than the snapshot's minute.
export default async function makeSnapshot() {
  const { ensureSnapshot } = await import('./snapshot.ts')
  const started = Date.now()
  await ensureSnapshot((line) => process.stderr.write(`${line}\n`))
  process.stderr.write(`upstream cloud: snapshot ready in ${Date.now() - started} ms\n`)
}
