#!/usr/bin/env node
const path = require('path');
const { spawnSync } = require('child_process');
const bin = path.join(__dirname, '..', 'vendor', 'bin', process.platform === 'win32' ? 'protoc.exe' : 'protoc');
process.exit(spawnSync(bin, process.argv.slice(2), { stdio: 'inherit' }).status || 0);
