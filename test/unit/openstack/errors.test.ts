import { describe, expect, test } from '@jest/globals'
import { parseFaultBody } from '../../../src/openstack/index.js'

describe('parseFaultBody reads every error shape the cloud may send', () => {
  test.each([
    [
      'Trove fault',
      '{"itemNotFound": {"code": 404, "message": "Resource x cannot be found."}}',
      { fault: 'itemNotFound', message: 'Resource x cannot be found.' }
    ],
    [
      'keystonemiddleware',
      '{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}',
      { fault: 'error', message: 'The request you have made requires authentication.' }
    ],
    [
      'rate limit',
      '{"overLimit": {"code": 413, "message": "This request was rate-limited.", "retryAfter": "12"}}',
      { fault: 'overLimit', message: 'This request was rate-limited.', retryAfterSeconds: 12 }
    ],
    [
      // trove-api's answer, as webob writes it for Accept: application/json, to a URL of
      // another project than the token's
      'webob JSON (403, project mismatch)',
      JSON.stringify({
        message:
          'Access was denied to this resource.<br /><br />\nUser with tenant id 9f2c cannot access this resource.\n',
        code: '403 Forbidden',
        title: 'Forbidden'
      }),
      {
        fault: 'Forbidden',
        message:
          'Access was denied to this resource. User with tenant id 9f2c cannot access this resource.'
      }
    ],
    [
      'webob JSON (400, malformed body)',
      '{"message": "Malformed request body<br /><br />\\n\\n\\n", "code": "400 Bad Request", "title": "Bad Request"}',
      { fault: 'Bad Request', message: 'Malformed request body' }
    ],
    ['plain text', '415 Unsupported Media Type', { message: '415 Unsupported Media Type' }],
    ['html', '<html><body><h1>502 Bad Gateway</h1></body></html>', { message: '502 Bad Gateway' }],
    ['empty', '', { message: '(empty body)' }],
    ['other JSON', '{"a": 1, "b": 2}', { message: '{"a": 1, "b": 2}' }]
  ])('%s', (_name, body, expected) => {
    expect(parseFaultBody(body)).toEqual(expected)
  })
})
