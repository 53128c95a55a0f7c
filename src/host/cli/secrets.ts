import { registerSecret, scrubSecrets } from '../../openstack/index.js'

/**
 * The CLI has no log masking like GitHub's `::add-mask::`: `remember` registers each secret
 * with the one scrubber the wire client also uses, and everything the CLI writes goes through
 * `redact`, so an error text quoting a secret (a database's own message, a URL) never shows it.
 */
export class SecretRedactor {
  remember(secret: string): void {
    registerSecret(secret)
  }

  redact(text: string): string {
    return scrubSecrets(text)
  }
}
