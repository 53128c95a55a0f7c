// Every unit test runs with the network shut: an unmocked request fails loudly
// instead of leaving the machine. Without cleanAll/restore runs were flaky.
import nock from 'nock'
import { afterAll, afterEach, beforeAll } from '@jest/globals'

beforeAll(() => {
  nock.disableNetConnect()
})

afterEach(() => {
  nock.cleanAll()
})

afterAll(() => {
  nock.cleanAll()
  nock.enableNetConnect()
  nock.restore()
})
