import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'

// The architecture as import rules (README "Layout"): entries → host/ → commands/ → cores, and
// no arrow points up. Each block names what a folder may not import, with the reason.
const COMMAND_FOLDERS = ['backup', 'verify', 'report', 'mirror']
const COMMAND_FILES = ['restore', 'sweep', 'list']

function forbid(files, groups, message) {
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] }
  }
}

const onlyHostKnowsGitHub = {
  files: ['src/**/*.ts'],
  // The three entry points are the only importers of the hosts.
  ignores: ['src/host/**', 'src/index.ts', 'src/post.ts', 'src/cli.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          {
            name: '@actions/core',
            message:
              'The runner protocol is src/host/action/runner.ts (see there why); elsewhere use the CommandContext.'
          }
        ],
        patterns: [
          {
            group: ['**/host/*', '**/host/**'],
            message: 'Nothing imports the hosts; they import everything else.'
          }
        ]
      }
    ]
  }
}

/** @actions/core is the runner module's reference in its test, never part of the bundle. */
const hostWritesTheRunnerProtocol = {
  files: ['src/host/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          {
            name: '@actions/core',
            message: 'Use ./runner.js: it writes what @actions/core writes without loading undici.'
          }
        ]
      }
    ]
  }
}

/** A command imports no other command: what two modes share belongs in a core. */
const commandsStayApart = [
  ...COMMAND_FOLDERS.map((mode) =>
    forbid(
      [`src/commands/${mode}/**/*.ts`],
      [
        ...COMMAND_FOLDERS.filter((m) => m !== mode).map((m) => `../${m}/*`),
        ...COMMAND_FILES.map((f) => `../${f}.js`),
        '**/host/*',
        '**/host/**'
      ],
      'Commands never import each other; move what they share into a core (cloud/, database/, …).'
    )
  ),
  forbid(
    COMMAND_FILES.map((f) => `src/commands/${f}.ts`),
    [...COMMAND_FOLDERS.map((m) => `./${m}/*`), ...COMMAND_FILES.map((f) => `./${f}.js`)],
    'Commands never import each other; move what they share into a core (cloud/, database/, …).'
  )
]

/** The cores import no command and no host; the leaves import nothing local at all. */
const coresPointDown = [
  forbid(
    ['src/openstack/**/*.ts', 'src/policy/**/*.ts'],
    ['../*', '../**'],
    'The wire client and policy cores import nothing else of src/.'
  ),
  forbid(
    ['src/github/**/*.ts'],
    ['../*', '../**'],
    'github/ (the REST client for issues and workflow runs) imports nothing else of src/: the caller passes the token, the API URL and a fetch.'
  ),
  forbid(
    ['src/notify/**/*.ts'],
    ['../*.js', '../*/**', '!../github/*.js', '!../format/*.js', '!../inputs/notify.js'],
    'notify/ speaks to GitHub, chats and monitors through github/ and its own requests; it knows no command, host or cloud.'
  ),
  forbid(
    ['src/storage/**/*.ts'],
    ['../*', '../**', '!../openstack', '!../openstack/network-cause.js', '!../openstack/retry.js'],
    'storage/ imports nothing else of src/ but the words for network failures and the retry rules.'
  ),
  forbid(
    ['src/format/**/*.ts'],
    ['../*.js', '../*/**', '!../openstack/time.js'],
    'format/ imports nothing local but the wire client’s time formatting.'
  ),
  forbid(
    ['src/evidence/**/*.ts'],
    ['../*.js', '../*/**', '!../format/prometheus.js', '!../../package.json'],
    'evidence/ (drill evidence, metrics files) imports nothing local but the metrics format (and the package version).'
  ),
  forbid(
    ['src/database/**/*.ts'],
    ['../*.js', '../*/**', '!../errors.js'],
    'database/ knows connections only: no checks, cloud, inputs or commands.'
  ),
  forbid(
    ['src/checks/**/*.ts', 'src/inputs/**/*.ts'],
    ['../commands/*', '../commands/**', '../cloud/*', '../cloud/**'],
    'checks/ and inputs/ sit below cloud/ and commands/.'
  ),
  forbid(
    ['src/cloud/**/*.ts'],
    ['../commands/*', '../commands/**', '../checks/*', '../checks/**'],
    'cloud/ sits below commands/ and beside checks/: take narrow deps, not the CommandContext.'
  )
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  onlyHostKnowsGitHub,
  hostWritesTheRunnerProtocol,
  ...commandsStayApart,
  ...coresPointDown,
  {
    // Every input is read and checked in src/inputs/, once, before any cloud call.
    files: ['src/**/*.ts'],
    ignores: ['src/inputs/**', 'src/host/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='get'][callee.object.property.name='inputs']",
          message: 'Read inputs in src/inputs/ only (one reader per mode).'
        }
      ]
    }
  }
)
