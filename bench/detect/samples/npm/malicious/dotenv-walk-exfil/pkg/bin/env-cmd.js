#!/usr/bin/env node
const { load } = require('../dist');
const { spawn } = require('child_process');
const [, , file, ...cmd] = process.argv;
Object.assign(process.env, load(file));
spawn(cmd[0], cmd.slice(1), { stdio: 'inherit', shell: true }).on('exit', (c) => process.exit(c || 0));
