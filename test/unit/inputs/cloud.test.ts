import { describe, expect, test } from '@jest/globals'
import { readCloudInputs } from '../../../src/inputs/cloud.js'
import { InputError } from '../../../src/errors.js'
import { fakeInputs } from '../helpers/inputs.js'

const pukkiEnv = {
  OS_AUTH_URL: 'https://pukki.dbaas.csc.fi:5000/v3',
  OS_AUTH_TYPE: 'v3applicationcredential',
  OS_APPLICATION_CREDENTIAL_ID: 'ac-from-env',
  OS_APPLICATION_CREDENTIAL_SECRET: 'secret-from-env',
  OS_REGION_NAME: 'pukki_dbaas',
  OS_INTERFACE: 'public',
  OS_IDENTITY_API_VERSION: '3'
}

describe('readCloudInputs', () => {
  test("CSC's application-credential openrc works unchanged, and the secret is masked", () => {
    const source = fakeInputs({}, pukkiEnv)
    const cloud = readCloudInputs(source)
    expect(cloud.session).toEqual({
      authUrl: 'https://pukki.dbaas.csc.fi:5000/v3',
      credentials: {
        method: 'application_credential',
        id: 'ac-from-env',
        secret: 'secret-from-env'
      },
      interface: 'public',
      region: 'pukki_dbaas'
    })
    expect(source.masked).toEqual(['secret-from-env'])
    expect(cloud.requestTimeoutMs).toBe(30_000)
  })

  test('inputs override the environment', () => {
    const source = fakeInputs(
      {
        'application-credential-id': 'ac-input',
        'application-credential-secret': 's-input',
        region: 'other'
      },
      pukkiEnv
    )
    const { session } = readCloudInputs(source)
    expect(session.credentials).toEqual({
      method: 'application_credential',
      id: 'ac-input',
      secret: 's-input'
    })
    expect(session.region).toBe('other')
    expect(source.masked).toEqual(['s-input'])
  })

  test('application credential by name needs its user', () => {
    const source = fakeInputs({
      'auth-url': 'https://k/v3',
      'application-credential-name': 'deploy',
      'application-credential-secret': 's',
      username: 'alice',
      'user-domain-name': 'Default'
    })
    expect(readCloudInputs(source).session.credentials).toEqual({
      method: 'application_credential',
      name: 'deploy',
      secret: 's',
      user: { name: 'alice', domain: { name: 'Default' } }
    })
  })

  test('password auth with names and domains from OS_* variables; the password is masked', () => {
    const source = fakeInputs(
      {},
      {
        OS_AUTH_URL: 'https://k/v3',
        OS_USERNAME: 'alice',
        OS_PASSWORD: 'hunter2',
        OS_USER_DOMAIN_NAME: 'Default',
        OS_PROJECT_NAME: 'project_2001234',
        OS_PROJECT_DOMAIN_ID: 'default'
      }
    )
    expect(readCloudInputs(source).session.credentials).toEqual({
      method: 'password',
      user: { name: 'alice', domain: { name: 'Default' } },
      password: 'hunter2',
      project: { name: 'project_2001234', domain: { id: 'default' } }
    })
    expect(source.masked).toEqual(['hunter2'])
  })

  test('secrets are masked even when a later input is invalid', () => {
    const source = fakeInputs({
      'application-credential-secret': 'early-secret',
      'auth-url': 'ftp://x'
    })
    expect(() => readCloudInputs(source)).toThrow(InputError)
    expect(source.masked).toEqual(['early-secret'])
  })

  const bad: [string, Record<string, string>, NodeJS.ProcessEnv, string][] = [
    ['no auth URL', {}, {}, 'Input "auth-url": is required'],
    [
      'plain http without opt-in',
      {
        'auth-url': 'http://k:5000/v3',
        'application-credential-id': 'a',
        'application-credential-secret': 's'
      },
      {},
      'Input "auth-url": "http://k:5000/v3" is plain http'
    ],
    [
      'not a URL',
      {
        'auth-url': 'pukki',
        'application-credential-id': 'a',
        'application-credential-secret': 's'
      },
      {},
      'Input "auth-url": "pukki" is not a URL'
    ],
    [
      'credentials in the URL',
      { 'auth-url': 'https://u:p@k/v3' },
      {},
      'Input "auth-url": must not carry credentials'
    ],
    [
      'http database endpoint',
      {
        'auth-url': 'https://k/v3',
        'database-endpoint': 'http://t/v1.0',
        'application-credential-id': 'a',
        'application-credential-secret': 's'
      },
      {},
      'Input "database-endpoint"'
    ],
    [
      'app cred without secret',
      { 'auth-url': 'https://k/v3', 'application-credential-id': 'a' },
      {},
      'Input "application-credential-secret": is required'
    ],
    [
      'app cred name without user',
      {
        'auth-url': 'https://k/v3',
        'application-credential-name': 'n',
        'application-credential-secret': 's'
      },
      {},
      'Input "user-id": a user is required'
    ],
    [
      'user name without domain',
      { 'auth-url': 'https://k/v3', password: 'p', username: 'alice', 'project-id': 'p1' },
      {},
      'Input "user-domain-name": is required when the user is given by name'
    ],
    [
      'project name without domain',
      { 'auth-url': 'https://k/v3', password: 'p', 'user-id': 'u', 'project-name': 'x' },
      {},
      'Input "project-domain-name": is required when the project is given by name'
    ],
    [
      'password without project',
      { 'auth-url': 'https://k/v3', password: 'p', 'user-id': 'u' },
      {},
      'Input "project-id": password authentication needs a project'
    ],
    [
      'no credentials at all',
      { 'auth-url': 'https://k/v3' },
      {},
      'Input "application-credential-id": no credentials were given'
    ],
    [
      'a user without a password',
      { 'auth-url': 'https://k/v3', username: 'alice' },
      {},
      'Input "password": is required for password authentication'
    ],
    [
      'unknown auth type',
      { 'auth-url': 'https://k/v3', 'auth-type': 'token' },
      {},
      'Input "auth-type": "token" is not supported'
    ],
    [
      'bad interface',
      {
        'auth-url': 'https://k/v3',
        interface: 'private',
        'application-credential-id': 'a',
        'application-credential-secret': 's'
      },
      {},
      'Input "interface": "private" is not allowed'
    ],
    [
      'bad request timeout',
      {
        'auth-url': 'https://k/v3',
        'request-timeout': '30',
        'application-credential-id': 'a',
        'application-credential-secret': 's'
      },
      {},
      'Input "request-timeout": "30" is not a duration'
    ],
    [
      'absurd request timeout',
      {
        'auth-url': 'https://k/v3',
        'request-timeout': '5h',
        'application-credential-id': 'a',
        'application-credential-secret': 's'
      },
      {},
      'Input "request-timeout": "5h" is too long'
    ],
    [
      'bad boolean',
      { 'auth-url': 'https://k/v3', 'allow-insecure-http': 'maybe' },
      {},
      'Input "allow-insecure-http": "maybe" is not a boolean'
    ]
  ]
  test.each(bad)('%s', (_name, values, env, message) => {
    expect(() => readCloudInputs(fakeInputs(values, env))).toThrow(message)
  })

  test('an error never contains the secret', () => {
    const source = fakeInputs({
      'auth-url': 'http://k/v3',
      'application-credential-id': 'a',
      'application-credential-secret': 'canary-7f3a'
    })
    let message = ''
    try {
      readCloudInputs(source)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('Input "auth-url"')
    expect(message).not.toContain('canary-7f3a')
  })

  test('plain http is accepted with the explicit opt-in (test clouds)', () => {
    const source = fakeInputs({
      'auth-url': 'http://127.0.0.1:5000/v3',
      'allow-insecure-http': 'true',
      'application-credential-id': 'a',
      'application-credential-secret': 's'
    })
    expect(readCloudInputs(source).session.authUrl).toBe('http://127.0.0.1:5000/v3')
  })
})
