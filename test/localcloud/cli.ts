// `node test/localcloud/cli.ts up [--pace-ms N | --upstream]`: starts the local cloud
// (our double, or with --upstream the real Keystone and trove-api, see
// upstream/cloud.ts), prints ONE JSON line (CloudInfo) on stdout, stays up until
// SIGTERM/SIGINT, then stops every server, removes its temp dir and exits. Logs go to
// stderr only.

import { startLocalCloud } from './cloud.ts'
import { startUpstreamCloud } from './upstream/cloud.ts'

function usage(): never {
  process.stderr.write('usage: node test/localcloud/cli.ts up [--pace-ms N | --upstream]\n')
  process.exit(2)
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] !== 'up') usage()
  // If the parent died, writing to its pipes fails with EPIPE; that must not crash the
  // clean-up (it would leave every server running), so such write errors are dropped.
  process.stdout.on('error', () => {})
  process.stderr.on('error', () => {})
  let paceMs: number | undefined
  let upstream = false
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--pace-ms' && /^\d+$/.test(argv[i + 1] ?? '')) paceMs = Number(argv[++i])
    else if (argv[i] === '--upstream') upstream = true
    else usage()
  }
  // The upstream cloud's pace is the real servers' own; --pace-ms is for the double only.
  if (upstream && paceMs !== undefined) usage()
  const t0 = Date.now()
  const cloud = upstream ? await startUpstreamCloud() : await startLocalCloud({ paceMs })
  process.stderr.write(`localcloud: up in ${Date.now() - t0} ms (pid ${process.pid})\n`)
  if ('timings' in cloud) process.stderr.write(`localcloud: ${JSON.stringify(cloud.timings)}\n`)
  process.stdout.write(JSON.stringify(cloud.info) + '\n')

  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    process.stderr.write(`localcloud: ${signal}, shutting down\n`)
    // A second signal during clean-up is ignored: an interrupted clean-up would leak servers.
    cloud
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        process.stderr.write(`localcloud: shutdown failed: ${String(err)}\n`)
        process.exit(1)
      })
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  // The harness asks for this: if the test process dies without stop(), its end of our stdin
  // pipe closes and we clean up instead of leaking servers. Opt-in, since a shell's background
  // job gets /dev/null as stdin, which ends at once.
  if (process.env.LOCALCLOUD_EXIT_ON_STDIN_CLOSE === '1') {
    process.stdin.on('end', () => stop('stdin closed'))
    process.stdin.on('error', () => stop('stdin error'))
    process.stdin.resume()
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(
    `localcloud: failed to start: ${err instanceof Error ? err.stack : String(err)}\n`
  )
  process.exit(1)
})
