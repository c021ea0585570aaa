#!/usr/bin/env node
const { workspaceRoot } = require('../src/index.js');
console.log(workspaceRoot());
