#!/usr/bin/env node
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const exe = path.join(__dirname, process.platform === 'win32' ? 'fastfmt.exe' : 'fastfmt');
const r = spawnSync(exe, process.argv.slice(2), { stdio: 'inherit' });
if (r.error) { console.error(`fastfmt: ${r.error.message}. Try reinstalling.`); process.exit(1); }
process.exit(r.status == null ? 1 : r.status);
