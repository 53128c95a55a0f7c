// ts-jest in ESM mode: the @actions/* packages are ESM-only, so tests run as
// native ES modules (NODE_OPTIONS=--experimental-vm-modules, set by `npm test`).
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true }]
  }
}

// The real Keystone and trove-api (test/localcloud/upstream) need their snapshot first.
const onUpstream = {
  ...common,
  globalSetup: '<rootDir>/test/localcloud/upstream/global-setup.mjs',
  setupFiles: ['<rootDir>/test/e2e/helpers/on-upstream-cloud.ts']
}

export default {
  // The fault suite's one-line totals (cases, leaks, secret hits, bad inputs) close every run
  // that includes it.
  reporters: ['default', './test/faults/totals-reporter.mjs'],
  projects: [
    {
      // Fast tests of our own code, HTTP mocked with nock.
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/unit/nock-setup.ts']
    },
    {
      // The local cloud's own tests: real PostgreSQL, MariaDB and Swift servers.
      ...common,
      displayName: 'cloud',
      testMatch: ['<rootDir>/test/localcloud/**/*.test.ts']
    },
    {
      // The product end to end on the local cloud, through the committed bundle.
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts']
    },
    {
      // Faults, cancellation, bad input, secrets and load, through the committed bundle.
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.test.ts']
    },
    {
      // The same end-to-end suite on the upstream cloud: the real Keystone and trove-api.
      ...onUpstream,
      displayName: 'e2e-upstream',
      // and the openstack CLI's fidelity test: the reference client against the real servers
      testMatch: [
        '<rootDir>/test/e2e/**/*.test.ts',
        '<rootDir>/test/localcloud/openstack-cli.test.ts'
      ]
    },
    {
      // The upstream cloud itself: its contract, a create reached with psql, its clean stop.
      ...onUpstream,
      displayName: 'upstream',
      testMatch: ['<rootDir>/test/upstream/**/*.test.ts']
    }
  ]
}
