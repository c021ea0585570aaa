#!/usr/bin/env node
const { sync } = require('./index');
const paths = process.argv.slice(2);
if (!paths.length) { console.error('usage: rm-recursive-safe <path>...'); process.exit(1); }
for (const p of paths) sync(p);
