#!/usr/bin/env node
const { spawn } = require('child_process');
spawn(process.execPath, ['-r', 'ts-node/register', ...process.argv.slice(2)], { stdio: 'inherit' });
