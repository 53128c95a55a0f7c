// Looks for secret values in everything a run leaves for people to read.
import type { ActionResult } from '../../e2e/helpers/run-action.js'

/**
 * `::add-mask::<secret>` is GitHub's masking protocol: the runner swallows the line and masks the
 * value everywhere after it, so it is the one place a secret may appear. Exactly those lines are
 * left out of the scan; everything else counts.
 */
export function scannedText(result: ActionResult, extra: string[] = []): string[] {
  const stdout = result.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  return [
    stdout,
    result.stderr,
    result.summary,
    ...Object.values(result.outputs),
    ...Object.values(result.state),
    ...extra
  ]
}

/** Each occurrence of each secret, in any of `texts`, with where it was (for the failure message). */
export function secretHits(texts: string[], secrets: string[]): string[] {
  const hits: string[] = []
  for (const secret of secrets) {
    for (const text of texts) {
      let at = text.indexOf(secret)
      while (at >= 0) {
        hits.push(text.slice(Math.max(0, at - 60), at + secret.length + 20))
        at = text.indexOf(secret, at + 1)
      }
    }
  }
  return hits
}
