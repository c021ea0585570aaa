#!/usr/bin/env node
const { execFileSync } = require('child_process');
const name = process.argv[2];
if (!name) { console.error('usage: git-flow-start <name>'); process.exit(1); }
execFileSync('git', ['checkout', '-b', `feature/${name}`, 'develop'], { stdio: 'inherit' });
