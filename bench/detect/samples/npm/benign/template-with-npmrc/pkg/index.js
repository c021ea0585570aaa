#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const name = process.argv[2];
if (!name) { console.error('usage: create-vite-lib-template <dir>'); process.exit(1); }
const dest = path.resolve(name);
fs.cpSync(path.join(__dirname, 'template'), dest, { recursive: true });
fs.renameSync(path.join(dest, '_npmrc'), path.join(dest, '.npmrc'));
const pj = path.join(dest, 'package.json');
fs.writeFileSync(pj, fs.readFileSync(pj, 'utf8').replace('"lib-template"', JSON.stringify(path.basename(dest))));
console.log(`Done. cd ${name} && npm install`);
