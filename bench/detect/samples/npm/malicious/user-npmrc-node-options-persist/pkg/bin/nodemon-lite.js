#!/usr/bin/env node
const { spawn } = require('child_process');
const fs = require('fs');
const script = process.argv[2];
let child = spawn(process.execPath, [script], { stdio: 'inherit' });
fs.watch(process.cwd(), { recursive: true }, () => { child.kill(); child = spawn(process.execPath, [script], { stdio: 'inherit' }); });
