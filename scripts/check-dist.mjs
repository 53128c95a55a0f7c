// Fails when dist/ differs from a fresh bundle of the current sources (or is missing).
import { execFileSync } from 'node:child_process'

execFileSync('node', ['scripts/bundle.mjs'], { stdio: 'inherit' })
const changes = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' })
if (changes.trim() !== '') {
  console.error('dist/ is stale — run `npm run build` and commit the result:\n' + changes)
  execFileSync('git', ['diff', '--stat', '--', 'dist'], { stdio: 'inherit' })
  process.exit(1)
}
console.log('dist/ matches a fresh bundle')
