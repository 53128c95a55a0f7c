// A real single-node OpenStack Swift (Debian's 2.30) with its S3 API, everything under
// one directory the caller gives us: config, rings, the device, state. stop() ends
// every process it started and removes that directory.

import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ObjectStore } from './types.ts'
import {
  freePorts,
  killMatching,
  portOpen,
  run,
  startProcess,
  stopProcess,
  waitUntil,
  type Proc
} from './proc.ts'
import { chownTree, makeReachable, mkdirFor, removeTree } from './fsutil.ts'
import {
  RING_SCRIPT,
  SERVER_WRAPPER,
  S3_ACCESS_KEY,
  S3_REGION,
  S3_SECRET_KEY,
  proxyConf,
  storageConf,
  type SwiftDirs,
  type SwiftPorts
} from './swift-config.ts'
import { swiftClient } from './swift-client.ts'

// Debian's python with the swift package; the python3 first on PATH is another one.
const PYTHON = '/usr/bin/python3'
const PY_ENV = { PYTHONPATH: '', PYTHONHOME: '' }

async function writeConfig(baseDir: string, ports: SwiftPorts): Promise<SwiftDirs> {
  const dirs: SwiftDirs = {
    etc: path.join(baseDir, 'etc'),
    devices: path.join(baseDir, 'devices'),
    state: path.join(baseDir, 'state')
  }
  for (const d of [dirs.etc, path.join(dirs.devices, 'd1'), dirs.state]) {
    await mkdir(d, { recursive: true })
  }
  const files: Record<string, string> = {
    'proxy-server.conf': proxyConf(ports, dirs),
    'account-server.conf': storageConf('account', ports.account, dirs),
    'container-server.conf': storageConf('container', ports.container, dirs),
    'object-server.conf': storageConf('object', ports.object, dirs),
    'run-server.py': SERVER_WRAPPER
  }
  for (const [name, text] of Object.entries(files)) {
    await writeFile(path.join(dirs.etc, name), text)
  }
  // The servers run as the swift user and write to the device and state dirs.
  for (const d of [dirs.devices, dirs.state]) await chownTree(d, 'swift')
  return dirs
}

/** Only the proxy reads the rings: they are built while the storage servers start. */
async function buildRings(dirs: SwiftDirs, ports: SwiftPorts): Promise<void> {
  const ringPorts = [ports.account, ports.container, ports.object].map(String)
  await run(PYTHON, ['-c', RING_SCRIPT, dirs.etc, ...ringPorts], { env: PY_ENV })
}

function startServer(kind: string, dirs: SwiftDirs): Proc {
  const args = [
    path.join(dirs.etc, 'run-server.py'),
    `/usr/bin/swift-${kind}-server`,
    path.join(dirs.etc, `${kind}-server.conf`),
    '--verbose' // log to stderr too: a failed start explains itself
  ]
  // As the swift user from the start: with workers = 0 Swift never drops privileges itself
  // (it does that in forked workers only).
  return startProcess(`swift-${kind}-server`, PYTHON, args, { env: PY_ENV, user: 'swift' })
}

/** Starts Swift under `baseDir` (created if missing); resolves once it serves requests. */
export async function startObjectStore(baseDir: string): Promise<ObjectStore> {
  await mkdir(baseDir, { recursive: true })
  const [proxy = 0, account = 0, container = 0, object = 0, memcached = 0] = await freePorts(5)
  const ports: SwiftPorts = { proxy, account, container, object, memcached }
  const procs: Proc[] = []
  const stopAll = async () => {
    await Promise.all(procs.map((p) => stopProcess(p, { signal: 'SIGTERM', graceMs: 5000 })))
    await killMatching(baseDir + '/') // nothing of ours may survive, whatever it forked
    await removeTree(baseDir)
  }

  try {
    await makeReachable(baseDir)
    // memcached keeps tempauth's tokens. Its pid file puts baseDir in its command line,
    // so the sweep in stop() finds it too.
    const mcDir = path.join(baseDir, 'memcached')
    await mkdirFor(mcDir, 'memcache', 0o755)
    const mc = ['-u', 'memcache', '-l', '127.0.0.1', '-p', String(memcached), '-U', '0', '-m', '16']
    mc.push('-P', path.join(mcDir, 'memcached.pid'))
    procs.push(startProcess('memcached', '/usr/bin/memcached', mc))
    const dirs = await writeConfig(baseDir, ports)
    for (const kind of ['account', 'container', 'object']) procs.push(startServer(kind, dirs))
    await buildRings(dirs, ports)
    procs.push(startServer('proxy', dirs))
    const base = `http://127.0.0.1:${proxy}`
    const ready = async () => {
      for (const port of [account, container, object, memcached]) {
        if (!(await portOpen('127.0.0.1', port))) return false
      }
      return (await fetch(`${base}/healthcheck`)).status === 200
    }
    await waitUntil('swift to answer /healthcheck', ready, {
      timeoutMs: 60_000,
      intervalMs: 100,
      proc: procs
    })
    const client = swiftClient(base)
    const swiftUrl = await client.storageUrl()
    return {
      swiftUrl,
      s3: {
        endpoint: base,
        region: S3_REGION,
        accessKeyId: S3_ACCESS_KEY,
        secretAccessKey: S3_SECRET_KEY
      },
      putFile: client.putFile,
      getFile: client.getFile,
      corrupt: client.corrupt,
      list: client.list,
      stop: stopAll
    }
  } catch (err) {
    await stopAll()
    throw err
  }
}
