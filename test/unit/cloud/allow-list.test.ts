import { describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { detectRunnerCidr, isPublicUnicast } from '../../../src/cloud/allow-list.js'

const PUBLIC_ONLY = { allowPrivate: false }

describe('detectRunnerCidr', () => {
  test('turns the echoed address into a /32', async () => {
    nock('https://echo.test').get('/').reply(200, '195.148.21.7\n')
    await expect(
      detectRunnerCidr('https://echo.test/', globalThis.fetch, PUBLIC_ONLY)
    ).resolves.toBe('195.148.21.7/32')
  })

  test('an answer that is not an address is refused with advice', async () => {
    nock('https://echo.test').get('/').reply(200, '<html>captive portal</html>')
    await expect(
      detectRunnerCidr('https://echo.test/', globalThis.fetch, PUBLIC_ONLY)
    ).rejects.toThrow(/not an IPv4 address; set allowed-cidrs/)
  })

  test('an unreachable echo service says what to set', async () => {
    nock('https://echo.test').get('/').reply(503, 'down')
    await expect(
      detectRunnerCidr('https://echo.test/', globalThis.fetch, PUBLIC_ONLY)
    ).rejects.toThrow(/set allowed-cidrs to the runner's address/)
  })

  test.each([
    '127.0.0.1',
    '10.1.2.3',
    '192.168.0.9',
    '172.20.0.1',
    '169.254.1.1',
    '0.0.0.0',
    '100.64.0.1',
    '203.0.113.7',
    '224.0.0.1',
    '255.255.255.255'
  ])(
    'an answer of %s (not a public address) is refused unless allow-insecure-http',
    async (answer) => {
      nock('https://echo.test').get('/').times(2).reply(200, answer)
      await expect(
        detectRunnerCidr('https://echo.test/', globalThis.fetch, PUBLIC_ONLY)
      ).rejects.toThrow(/not a public address/)
      await expect(
        detectRunnerCidr('https://echo.test/', globalThis.fetch, { allowPrivate: true })
      ).resolves.toBe(`${answer}/32`)
    }
  )

  test.each([
    ['8.8.8.8', true],
    ['195.148.21.7', true],
    ['172.15.255.255', true],
    ['172.32.0.0', true],
    ['172.16.0.0', false],
    ['100.127.255.255', false],
    ['198.19.255.255', false],
    ['223.255.255.255', true]
  ])('%s is public unicast: %s', (ip, expected) => {
    expect(isPublicUnicast(ip)).toBe(expected)
  })
})
