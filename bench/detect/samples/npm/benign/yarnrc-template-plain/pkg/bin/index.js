#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');

const dest = path.resolve(process.argv[2] || 'workspace');
const tpl = path.join(__dirname, '..', 'template');
fs.mkdirSync(dest, { recursive: true });
for (const f of fs.readdirSync(tpl)) fs.copyFileSync(path.join(tpl, f), path.join(dest, f));
console.log(`Workspace created in ${dest}; run "corepack enable && yarn" there.`);
