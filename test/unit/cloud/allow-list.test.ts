import { describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { detectRunnerCidr } from '../../../src/cloud/allow-list.js'

describe('detectRunnerCidr', () => {
  test('turns the echoed address into a /32', async () => {
    nock('https://echo.test').get('/').reply(200, '203.0.113.7\n')
    await expect(detectRunnerCidr('https://echo.test/', globalThis.fetch)).resolves.toBe(
      '203.0.113.7/32'
    )
  })

  test('an answer that is not an address is refused with advice', async () => {
    nock('https://echo.test').get('/').reply(200, '<html>captive portal</html>')
    await expect(detectRunnerCidr('https://echo.test/', globalThis.fetch)).rejects.toThrow(
      /not an IPv4 address; set allowed-cidrs/
    )
  })

  test('an unreachable echo service says what to set', async () => {
    nock('https://echo.test').get('/').reply(503, 'down')
    await expect(detectRunnerCidr('https://echo.test/', globalThis.fetch)).rejects.toThrow(
      /set allowed-cidrs to the runner's address/
    )
  })
})
