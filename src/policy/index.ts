// The backup policy as pure functions of (backups, now, policy, offered versions).
export * from './evaluate.js'
export * from './expiry.js'
export * from './gaps.js'
export * from './restorable.js'
export * from './status.js'
export * from './time.js'
export * from './types.js'
