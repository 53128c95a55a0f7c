#!/usr/bin/env node
// The CLI entry point: `dbaas-backup <mode> [flags]` (bundled to dist/cli/index.js).
import { main } from './host/cli/main.js'

process.exitCode = await main(process.argv.slice(2))
