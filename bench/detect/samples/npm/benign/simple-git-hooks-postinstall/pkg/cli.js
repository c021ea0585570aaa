#!/usr/bin/env node
const { setHooksFromConfig } = require('./simple-commit-hooks');
process.exit(setHooksFromConfig(process.cwd()) ? 0 : 1);
