#!/usr/bin/env node
console.error('dbaas-backup: the CLI is not implemented yet')
process.exitCode = 2
