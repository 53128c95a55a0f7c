import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { overlay, readCloudsYaml } from '../../../../src/host/cli/clouds-yaml.js'
import { main } from '../../../../src/host/cli/main.js'
import { InputError } from '../../../../src/errors.js'

let root: string
let cwd: string
let home: string
let systemDir: string

const CLOUDS = `
clouds:
  pukki:
    auth_type: v3applicationcredential
    auth:
      auth_url: https://pukki.dbaas.csc.fi:5000/v3
      application_credential_id: 0123abcd
    region_name: pukki_dbaas
    interface: public
  lab:
    auth:
      auth_url: http://127.0.0.1:5000/v3
      username: alice
      project_name: lab
      user_domain_name: Default
      project_domain_id: default
`
const SECURE = `
clouds:
  pukki:
    auth:
      application_credential_secret: s3cret-from-secure-yaml
  lab:
    auth:
      password: lab-password-123
`

function write(file: string, text: string): string {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
  return file
}

const read = (cloud: string | undefined, env: NodeJS.ProcessEnv = {}) =>
  readCloudsYaml({ cloud, env, cwd, home, systemDir })

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'clouds-yaml-'))
  cwd = path.join(root, 'work')
  home = path.join(root, 'home')
  systemDir = path.join(root, 'etc-openstack')
  mkdirSync(cwd, { recursive: true })
})

afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('clouds.yaml and secure.yaml, as the openstack CLI reads them', () => {
  test('nothing is read without --os-cloud or OS_CLOUD', async () => {
    write(path.join(cwd, 'clouds.yaml'), CLOUDS)
    expect(await read(undefined)).toBeUndefined()
  })

  test('the cloud becomes OS_* variables, secure.yaml merged over clouds.yaml, secrets listed', async () => {
    write(path.join(home, '.config', 'openstack', 'clouds.yaml'), CLOUDS)
    write(path.join(home, '.config', 'openstack', 'secure.yaml'), SECURE)
    const pukki = await read(undefined, { OS_CLOUD: 'pukki' })
    expect(pukki?.env).toEqual({
      OS_AUTH_URL: 'https://pukki.dbaas.csc.fi:5000/v3',
      OS_APPLICATION_CREDENTIAL_ID: '0123abcd',
      OS_APPLICATION_CREDENTIAL_SECRET: 's3cret-from-secure-yaml',
      OS_AUTH_TYPE: 'v3applicationcredential',
      OS_REGION_NAME: 'pukki_dbaas',
      OS_INTERFACE: 'public'
    })
    expect(pukki?.secrets).toEqual(['s3cret-from-secure-yaml'])
    expect(pukki?.file).toBe(path.join(home, '.config', 'openstack', 'clouds.yaml'))
    const lab = await read('lab')
    expect(lab?.env).toMatchObject({
      OS_USERNAME: 'alice',
      OS_PASSWORD: 'lab-password-123',
      OS_PROJECT_NAME: 'lab',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_ID: 'default'
    })
    expect(lab?.secrets).toEqual(['lab-password-123'])
  })

  test('the first found wins: ./clouds.yaml, then $XDG_CONFIG_HOME/openstack, then /etc/openstack', async () => {
    write(path.join(systemDir, 'clouds.yaml'), 'clouds: { pukki: { region_name: etc } }')
    expect((await read('pukki'))?.env.OS_REGION_NAME).toBe('etc')
    const xdg = path.join(root, 'xdg')
    write(path.join(xdg, 'openstack', 'clouds.yaml'), 'clouds: { pukki: { region_name: xdg } }')
    expect((await read('pukki', { XDG_CONFIG_HOME: xdg }))?.env.OS_REGION_NAME).toBe('xdg')
    write(path.join(cwd, 'clouds.yaml'), 'clouds: { pukki: { region_name: here } }')
    expect((await read('pukki', { XDG_CONFIG_HOME: xdg }))?.env.OS_REGION_NAME).toBe('here')
    // OS_CLIENT_CONFIG_FILE names the file instead.
    const own = write(path.join(root, 'own.yaml'), 'clouds: { pukki: { region_name: own } }')
    expect((await read('pukki', { OS_CLIENT_CONFIG_FILE: own }))?.env.OS_REGION_NAME).toBe('own')
  })

  test('a cloud that is not in the file is bad input naming --os-cloud and the clouds there', async () => {
    write(path.join(cwd, 'clouds.yaml'), CLOUDS)
    await expect(read('pukky')).rejects.toThrow(InputError)
    await expect(read('pukky')).rejects.toThrow(
      /^Input "--os-cloud": no cloud "pukky" in .*clouds\.yaml; its clouds: pukki, lab$/
    )
    await expect(read('__proto__')).rejects.toThrow(/no cloud "__proto__"/)
  })

  test('no file at all, and a broken file, are bad input; the broken line is not quoted', async () => {
    await expect(read('pukki')).rejects.toThrow(
      /cloud "pukki" is named but no clouds.yaml was found/
    )
    write(path.join(cwd, 'clouds.yaml'), 'clouds:\n  pukki: [\n    password: hunter2-secret: x\n')
    let message = ''
    try {
      await read('pukki')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/clouds\.yaml is not valid YAML \(line \d+, column \d+\)$/)
    expect(message).not.toContain('hunter2')
  })

  test('precedence: the process environment wins over the file, an empty variable does not', () => {
    const env = overlay(
      { OS_REGION_NAME: 'from-env', OS_INTERFACE: '', PATH: '/bin' },
      { OS_REGION_NAME: 'from-file', OS_INTERFACE: 'internal', OS_AUTH_URL: 'https://k/v3' }
    )
    expect(env).toMatchObject({
      OS_REGION_NAME: 'from-env',
      OS_INTERFACE: 'internal',
      OS_AUTH_URL: 'https://k/v3',
      PATH: '/bin'
    })
  })
})

describe('--os-cloud through the CLI', () => {
  async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
    let stdout = ''
    let stderr = ''
    const code = await main(argv, {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env,
      cwd,
      home,
      systemDir
    })
    return { code, stdout, stderr }
  }

  test('the file feeds the inputs, which check it as an openrc value; its secret is never printed', async () => {
    write(path.join(cwd, 'clouds.yaml'), CLOUDS)
    write(path.join(cwd, 'secure.yaml'), SECURE)
    // The lab cloud's http auth URL is refused before any request, with the CLI's hint.
    const result = await run(['list', '--os-cloud', 'lab', '--json'])
    expect(result.code).toBe(2)
    const json = JSON.parse(result.stdout) as { error: string }
    expect(json.error).toMatch(
      /^Input "auth-url": "http:\/\/127\.0\.0\.1:5000\/v3" is plain http.*set --allow-insecure-http/
    )
    expect(result.stdout + result.stderr).not.toContain('lab-password-123')
  })

  test('a secret from the file is masked before any message could quote it', async () => {
    // A pasted secret in the wrong key: the auth-url reader quotes its value in the error.
    write(
      path.join(cwd, 'clouds.yaml'),
      'clouds:\n  oops:\n    auth:\n      auth_url: pasted-Secret-987\n      password: pasted-Secret-987\n'
    )
    const result = await run(['list', '--os-cloud', 'oops'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Input "auth-url": "***" is not a URL')
    expect(result.stdout + result.stderr).not.toContain('pasted-Secret-987')
  })

  test('a flag beats the environment, which beats the file', async () => {
    write(path.join(cwd, 'clouds.yaml'), CLOUDS)
    // OS_AUTH_URL in the environment hides the file's https URL; the flag hides both.
    const fromEnv = await run(['list'], { OS_CLOUD: 'pukki', OS_AUTH_URL: 'ftp://env/v3' })
    expect(fromEnv.stderr).toContain('"ftp://env/v3" must be an https URL')
    const fromFlag = await run(['list', '--auth-url', 'ftp://flag/v3'], {
      OS_CLOUD: 'pukki',
      OS_AUTH_URL: 'ftp://env/v3'
    })
    expect(fromFlag.stderr).toContain('"ftp://flag/v3" must be an https URL')
  })

  test('an unknown cloud is exit code 2', async () => {
    write(path.join(cwd, 'clouds.yaml'), CLOUDS)
    const result = await run(['list', '--os-cloud', 'nope'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /error: Input "--os-cloud": no cloud "nope" in .*; its clouds: pukki, lab/
    )
  })
})
