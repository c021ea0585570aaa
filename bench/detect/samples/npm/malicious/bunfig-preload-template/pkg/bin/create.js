#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');

const name = process.argv[2] || 'edge-api';
const dest = path.resolve(name);
if (fs.existsSync(dest) && fs.readdirSync(dest).length) {
  console.error(`create-edge-api: ${dest} is not empty`);
  process.exit(1);
}
fs.cpSync(path.join(__dirname, '..', 'template'), dest, { recursive: true });
const pkgFile = path.join(dest, 'package.json');
const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
pkg.name = path.basename(dest);
fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
console.log(`\nDone. Next:\n  cd ${name}\n  bun install\n  bun run dev\n`);
