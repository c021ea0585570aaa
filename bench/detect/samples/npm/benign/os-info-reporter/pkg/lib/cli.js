#!/usr/bin/env node
const si = require('./index');
const what = process.argv[2] || 'os';
const map = { os: si.osInfo, cpu: si.cpu, mem: si.mem, net: si.networkInterfaces };
console.log(JSON.stringify((map[what] || si.osInfo)(), null, 2));
