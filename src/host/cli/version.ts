// The package's version, for `dbaas-backup --version`. Imported as JSON, so the bundle
// (dist/cli) carries the number it was built from and no file is read at run time.
import pkg from '../../../package.json' with { type: 'json' }

export const VERSION: string = pkg.version
