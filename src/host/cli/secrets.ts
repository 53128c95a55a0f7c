/**
 * The CLI has no log masking like GitHub's `::add-mask::`: `mask` remembers each secret, and
 * everything the CLI writes goes through `redact`, so an error text quoting a secret (a
 * database's own message, a URL) never shows it.
 */
export class SecretRedactor {
  private readonly secrets = new Set<string>()

  remember(secret: string): void {
    // Very short values would redact half the text and hide nothing worth hiding.
    if (secret.length >= 4) this.secrets.add(secret)
  }

  redact(text: string): string {
    let out = text
    // Longest first, so a secret containing another is hidden whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(s).join('***')
    }
    return out
  }
}
