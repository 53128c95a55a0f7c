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

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/unit/nock-setup.ts']
    }
  ]
}
