#!/usr/bin/env node
'use strict';
const { record } = require('../lib/telemetry');
const [cmd = 'help', ...rest] = process.argv.slice(2);
const commands = {
  help: () => console.log('usage: deploy-kit <deploy|status|telemetry on|off>'),
  deploy: () => console.log(`deploying ${rest[0] || '.'}`),
  status: () => console.log('all services healthy'),
  telemetry: () => require('../lib/telemetry').setEnabled(rest[0] === 'on'),
};
(commands[cmd] || commands.help)();
record(cmd).catch(() => {});
