// Configuration of a single-node Swift 2.30: one proxy (with S3 API and tempauth),
// one account, container and object server, 1-replica rings, all in one private dir.
// The servers still read the packaged /etc/swift/swift.conf (hash prefix/suffix).

export interface SwiftPorts {
  proxy: number
  account: number
  container: number
  object: number
  memcached: number
}

export interface SwiftDirs {
  /** swift_dir: config files and rings */
  etc: string
  /** `devices`: one device `d1` below it, shared by the three storage servers */
  devices: string
  /** recon cache and other state */
  state: string
}

/** S3 credentials tempauth gives `user_test_tester = testing .admin`. */
export const S3_ACCESS_KEY = 'test:tester'
export const S3_SECRET_KEY = 'testing'
export const S3_REGION = 'us-east-1'

function common(port: number, dirs: SwiftDirs): string {
  // workers = 0: the server runs in one process (no forked workers to hunt down at stop).
  return `[DEFAULT]
bind_ip = 127.0.0.1
bind_port = ${port}
workers = 0
user = swift
swift_dir = ${dirs.etc}
devices = ${dirs.devices}
mount_check = false
recon_cache_path = ${dirs.state}
log_level = WARNING
`
}

export function storageConf(
  kind: 'account' | 'container' | 'object',
  port: number,
  dirs: SwiftDirs
): string {
  return `${common(port, dirs)}
[pipeline:main]
pipeline = ${kind}-server

[app:${kind}-server]
use = egg:swift#${kind}
`
}

// s3api must come before tempauth; tempauth keeps tokens in memcache (the `cache`
// filter, a real memcached); slo is needed for S3 multipart uploads.
const PIPELINE = [
  'catch_errors',
  'gatekeeper',
  'healthcheck',
  'proxy-logging',
  'cache',
  'listing_formats',
  'bulk',
  's3api',
  'tempauth',
  'copy',
  'slo',
  'dlo',
  'proxy-logging',
  'proxy-server'
]

const SIMPLE_FILTERS: Record<string, string> = {
  catch_errors: 'catch_errors',
  gatekeeper: 'gatekeeper',
  healthcheck: 'healthcheck',
  'proxy-logging': 'proxy_logging',
  listing_formats: 'listing_formats',
  bulk: 'bulk',
  copy: 'copy',
  slo: 'slo',
  dlo: 'dlo'
}

export function proxyConf(ports: SwiftPorts, dirs: SwiftDirs): string {
  const filters = Object.entries(SIMPLE_FILTERS)
    .map(([name, egg]) => `[filter:${name}]\nuse = egg:swift#${egg}\n`)
    .join('\n')
  return `${common(ports.proxy, dirs)}
[pipeline:main]
pipeline = ${PIPELINE.join(' ')}

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = ${S3_SECRET_KEY} .admin

[filter:s3api]
use = egg:swift#s3api
location = ${S3_REGION}

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:${ports.memcached}

${filters}`
}

/**
 * Python building the three rings in one interpreter (three `swift-ring-builder`
 * create/add/rebalance runs would cost nine interpreter starts). argv: dir, then the
 * account, container and object ports. Part power 8, 1 replica, one device.
 */
export const RING_SCRIPT = `
import sys
from swift.common.ring import RingBuilder
d = sys.argv[1]
for name, port in zip(('account', 'container', 'object'), sys.argv[2:5]):
    b = RingBuilder(8, 1, 1)
    b.add_dev({'id': 0, 'region': 1, 'zone': 1, 'ip': '127.0.0.1', 'port': int(port),
               'device': 'd1', 'weight': 100, 'meta': ''})
    b.rebalance()
    b.save('%s/%s.builder' % (d, name))
    b.get_ring().save('%s/%s.ring.gz' % (d, name))
`

/**
 * Runs a Swift server script with os.setsid disabled: Swift calls setsid() at start
 * ("daemon hygiene"), which would take it out of our process group, so a kill of the
 * cloud's group (the test harness) would leave it running. argv: script, conf file.
 */
export const SERVER_WRAPPER = `
import os, sys, runpy
os.setsid = lambda: None
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name='__main__')
`
