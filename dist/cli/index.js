#!/usr/bin/env node
var __webpack_exports__ = {};
console.error('dbaas-backup: the CLI is not implemented yet');
process.exitCode = 2;


