'use strict';
const { execFile } = require('child_process');
const run = (cmd, args, input) => new Promise((resolve, reject) => {
  const p = execFile(cmd, args, (err, out) => (err ? reject(err) : resolve(out.trim())));
  if (input !== undefined) { p.stdin.end(input); }
});
const backends = {
  darwin: {
    set: (service, account, secret) => run('security', ['add-generic-password', '-U', '-s', service, '-a', account, '-w', secret]),
    get: (service, account) => run('security', ['find-generic-password', '-s', service, '-a', account, '-w']).catch(() => null),
  },
  linux: {
    set: (service, account, secret) => run('secret-tool', ['store', '--label', `${service}/${account}`, 'service', service, 'account', account], secret),
    get: (service, account) => run('secret-tool', ['lookup', 'service', service, 'account', account]).catch(() => null),
  },
  win32: {
    set: (service, account, secret) => run('cmdkey', [`/generic:${service}`, `/user:${account}`, `/pass:${secret}`]),
    get: () => Promise.reject(new Error('reading generic credentials needs the native module on Windows')),
  },
};
const b = backends[process.platform] || backends.linux;
module.exports = { setPassword: b.set, getPassword: b.get };
