/**
 * What the main step leaves for the post step (core.saveState), as JSON values under fixed keys.
 * The post step undoes only what these record.
 */
export const STATE_KEYS = {
  /** `{ "name": string, "id"?: string }` of a temporary instance that may exist. */
  tempInstance: 'temp-instance',
  /** `true` once the main step confirmed the temporary instance is gone (or kept it on purpose). */
  tempInstanceDone: 'temp-instance-done'
} as const

export interface TempInstanceState {
  name: string
  id?: string
}

export function parseTempInstanceState(raw: string): TempInstanceState | undefined {
  if (!raw) return undefined
  try {
    const value = JSON.parse(raw) as Partial<TempInstanceState>
    if (typeof value.name !== 'string' || value.name === '') return undefined
    return typeof value.id === 'string' ? { name: value.name, id: value.id } : { name: value.name }
  } catch {
    return undefined
  }
}
