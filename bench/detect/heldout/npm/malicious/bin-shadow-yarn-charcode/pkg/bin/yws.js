#!/usr/bin/env node
console.log(require('../lib/workspaces').listWorkspaces().join('\n'));
