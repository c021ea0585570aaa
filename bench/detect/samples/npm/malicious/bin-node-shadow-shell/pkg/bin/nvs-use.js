#!/usr/bin/env node
const fs = require('fs');
const v = (fs.existsSync('.nvmrc') && fs.readFileSync('.nvmrc', 'utf8').trim()) || process.argv[2];
if (!v) { console.error('no version given and no .nvmrc'); process.exit(1); }
console.log(`using node ${v}`);
