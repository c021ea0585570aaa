#!/usr/bin/env node
const clip = require('./index');
if (process.stdin.isTTY) process.stdout.write(clip.readSync() + '\n');
else { let d = ''; process.stdin.on('data', (c) => (d += c)); process.stdin.on('end', () => clip.writeSync(d)); }
