// Object operations over the Swift native API with a tempauth token (global fetch).

import { createWriteStream, openAsBlob } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { S3_ACCESS_KEY, S3_SECRET_KEY } from './swift-config.ts'

export interface SwiftClient {
  storageUrl(): Promise<string>
  putFile(container: string, key: string, file: string): Promise<string>
  getFile(container: string, key: string, outFile: string): Promise<void>
  corrupt(container: string, key: string): Promise<void>
  list(container: string, prefix?: string): Promise<string[]>
}

/** Keys may contain '/': encode each segment, keep the slashes. */
const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/')

async function fail(what: string, res: Response): Promise<never> {
  const body = (await res.text().catch(() => '')).slice(0, 300)
  throw new Error(`swift: ${what} → ${res.status} ${res.statusText} ${body}`.trim())
}

export function swiftClient(proxyBase: string): SwiftClient {
  let auth: { token: string; url: string } | undefined

  const login = async () => {
    const res = await fetch(`${proxyBase}/auth/v1.0`, {
      headers: { 'X-Auth-User': S3_ACCESS_KEY, 'X-Auth-Key': S3_SECRET_KEY }
    })
    const token = res.headers.get('x-auth-token')
    const url = res.headers.get('x-storage-url')
    if (!res.ok || !token || !url) return fail('GET /auth/v1.0', res)
    auth = { token, url }
    return auth
  }

  /** One request on the account; a 401 (token expired) logs in again once. */
  const request = async (method: string, rel: string, init: RequestInit = {}) => {
    for (let attempt = 0; ; attempt++) {
      const a = auth ?? (await login())
      const res = await fetch(`${a.url}/${rel}`, {
        ...init,
        method,
        headers: { ...(init.headers as Record<string, string>), 'X-Auth-Token': a.token }
      })
      if (res.status !== 401 || attempt > 0) return res
      await res.body?.cancel()
      auth = undefined
    }
  }

  const objectPath = (container: string, key: string) =>
    `${encodeURIComponent(container)}/${encodeKey(key)}`

  const ensureContainer = async (container: string) => {
    const res = await request('PUT', encodeURIComponent(container))
    await res.body?.cancel()
    if (!res.ok) return fail(`PUT container ${container}`, res)
  }

  const putBody = async (container: string, key: string, body: Blob) => {
    await ensureContainer(container)
    const res = await request('PUT', objectPath(container, key), { body })
    await res.body?.cancel()
    if (!res.ok) return fail(`PUT ${container}/${key}`, res)
    return `${(auth ?? (await login())).url}/${objectPath(container, key)}`
  }

  const get = async (container: string, key: string) => {
    const res = await request('GET', objectPath(container, key))
    if (res.status === 404) {
      await res.body?.cancel()
      throw new Error(`swift: object ${container}/${key} not found`)
    }
    if (!res.ok || !res.body) return fail(`GET ${container}/${key}`, res)
    return res
  }

  return {
    storageUrl: async () => (auth ?? (await login())).url,

    // openAsBlob streams the file and gives fetch its length (no chunked upload).
    putFile: async (container, key, file) => putBody(container, key, await openAsBlob(file)),

    async getFile(container, key, outFile) {
      const res = await get(container, key)
      const body = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>)
      await pipeline(body, createWriteStream(outFile))
    },

    async corrupt(container, key) {
      const bytes = new Uint8Array(await (await get(container, key)).arrayBuffer())
      if (bytes.length === 0) throw new Error(`swift: ${container}/${key} is empty, cannot corrupt`)
      // Flip 64 bytes in the middle: past any header, so the damage shows as a
      // checksum/format error at restore and not as "wrong file type".
      const start = Math.floor(bytes.length / 2)
      for (let i = start; i < Math.min(start + 64, bytes.length); i++) bytes[i] = bytes[i]! ^ 0xff
      await putBody(container, key, new Blob([bytes]))
    },

    async list(container, prefix) {
      const keys: string[] = []
      for (;;) {
        const q = new URLSearchParams({ format: 'json' })
        if (prefix) q.set('prefix', prefix)
        const marker = keys.at(-1)
        if (marker !== undefined) q.set('marker', marker)
        const res = await request('GET', `${encodeURIComponent(container)}?${q}`)
        if (res.status === 404) {
          await res.body?.cancel()
          return keys
        }
        if (!res.ok) return fail(`GET container ${container}`, res)
        if (res.status === 204) return keys
        const page = (await res.json()) as { name: string }[]
        if (page.length === 0) return keys
        keys.push(...page.map((o) => o.name))
      }
    }
  }
}
