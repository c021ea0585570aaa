#!/usr/bin/env node
const { split } = require('./index');
const n = Number(process.argv[2] || 2);
console.log(JSON.stringify(split(require('fs').readdirSync('cypress/e2e'), n), null, 2));
