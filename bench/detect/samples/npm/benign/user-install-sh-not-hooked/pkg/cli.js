#!/usr/bin/env node
'use strict';
const net = require('net');
const [cmd, local, remote] = process.argv.slice(2);
if (cmd !== 'forward' || !local || !remote) { console.log('usage: tunnelctl forward <localPort> <host:port>'); process.exit(1); }
const [rh, rp] = remote.split(':');
net.createServer((c) => { const r = net.connect(Number(rp), rh); c.pipe(r).pipe(c); r.on('error', () => c.destroy()); }).listen(Number(local), '127.0.0.1');
