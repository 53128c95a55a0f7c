// The floor of bench:report: a bare Node process that asks Keystone for a token, then reads
// every backup of the project in the same pages as the report's project walk (FLOOR_PAGE_SIZE a
// page, FLOOR_IN_FLIGHT at a time, both given by the benchmark) and JSON.parses each answer,
// nothing else: no checks, no policy, no report, no summary. What is left of our time above this
// is the product's own work. Run by the benchmark as `node report-floor.mjs` (plain JavaScript: type stripping would add its own
// start-up to the floor) with OS_AUTH_URL, OS_TROVE_URL,
// OS_APPLICATION_CREDENTIAL_ID and OS_APPLICATION_CREDENTIAL_SECRET set; prints the count.

import { Buffer } from 'node:buffer'
import http from 'node:http'

/** One request; resolves with the headers and the whole body as text. */
function request(url, options) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, options, (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('end', () => {
        if (res.statusCode !== 200 && res.statusCode !== 201)
          return reject(new Error(`${url}: HTTP ${res.statusCode}`))
        resolve({ headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

const env = (name) => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}

const PAGE = Number(env('FLOOR_PAGE_SIZE'))
const IN_FLIGHT = Number(env('FLOOR_IN_FLIGHT'))

const auth = await request(`${env('OS_AUTH_URL')}/auth/tokens`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    auth: {
      identity: {
        methods: ['application_credential'],
        application_credential: {
          id: env('OS_APPLICATION_CREDENTIAL_ID'),
          secret: env('OS_APPLICATION_CREDENTIAL_SECRET')
        }
      }
    }
  })
})
const token = String(auth.headers['x-subject-token'])

let count = 0
let nextOffset = 0
let ended = false
// Each lane takes the next offset until a short page shows the end.
async function lane() {
  while (!ended) {
    const offset = nextOffset
    nextOffset += PAGE
    const marker = offset === 0 ? '' : `&marker=${offset}`
    const page = await request(`${env('OS_TROVE_URL')}/backups?limit=${PAGE}${marker}`, {
      headers: { 'X-Auth-Token': token, Accept: 'application/json' }
    })
    const backups = JSON.parse(page.body).backups
    count += backups.length
    if (backups.length < PAGE) ended = true
  }
}
await Promise.all(Array.from({ length: IN_FLIGHT }, lane))
console.log(count)
