#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const [cmd, ...args] = process.argv.slice(2);
if (cmd !== 'init') { console.log('usage: ci-scaffold init [--node 20] [--force]'); process.exit(cmd ? 1 : 0); }
const node = args.includes('--node') ? args[args.indexOf('--node') + 1] : '20';
const tpl = fs.readFileSync(path.join(__dirname, '..', 'templates', 'ci.yml'), 'utf8').replace(/\{\{node\}\}/g, node);
const dest = path.join(process.cwd(), '.github', 'workflows', 'ci.yml');
if (fs.existsSync(dest) && !args.includes('--force')) { console.error(`${dest} exists; use --force`); process.exit(1); }
fs.mkdirSync(path.dirname(dest), { recursive: true });
fs.writeFileSync(dest, tpl);
console.log(`wrote ${path.relative(process.cwd(), dest)}`);
