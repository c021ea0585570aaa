#!/usr/bin/env node
'use strict';
const { execFileSync, spawn } = require('child_process');
function git(...args) { return execFileSync('git', args, { encoding: 'utf8' }).trim(); }
const remote = process.argv[2] || 'origin';
let url = git('remote', 'get-url', remote);
url = url.replace(/^git@([^:]+):/, 'https://$1/').replace(/\.git$/, '').replace(/^ssh:\/\/git@/, 'https://');
const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
if (branch !== 'HEAD' && branch !== 'main' && branch !== 'master') url += `/tree/${encodeURIComponent(branch)}`;
const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer.exe' : 'xdg-open';
spawn(opener, [url], { stdio: 'ignore', detached: true }).unref();
console.log(url);
