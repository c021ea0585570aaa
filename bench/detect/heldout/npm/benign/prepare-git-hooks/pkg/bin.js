#!/usr/bin/env node
const msg = require('./index.js').install(process.argv[3]);
if (msg) console.log(msg);
