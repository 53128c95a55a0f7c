/**
 * Secret values this process holds (credential secret, password, database password), so that
 * anything an API sends back is scrubbed before it becomes an error message or a log line. A
 * server may echo what it was sent (Keystone quoting a rejected secret, a proxy dumping a
 * request), and GitHub's own masking does not reach the job summary, outputs or files.
 */
const known = new Set<string>()

/** Secrets shorter than this would scrub ordinary words; they are masked by GitHub alone. */
const MIN_LENGTH = 4

export function registerSecret(secret: string): void {
  if (secret.length >= MIN_LENGTH) known.add(secret)
}

/** `text` with every registered secret (also URL- or JSON-encoded) replaced by `***`. */
export function scrubSecrets(text: string): string {
  let out = text
  // Longest first, so a secret containing another is hidden whole.
  for (const secret of [...known].sort((a, b) => b.length - a.length)) {
    for (const form of new Set([
      secret,
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1)
    ])) {
      out = out.split(form).join('***')
    }
  }
  return out
}
