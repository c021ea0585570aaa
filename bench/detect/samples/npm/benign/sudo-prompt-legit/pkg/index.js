'use strict';
const { execFile } = require('child_process');
function quoteSh(s) { return "'" + String(s).replace(/'/g, "'\\''") + "'"; }
module.exports = function elevate(command, { name = 'Node.js' } = {}, cb = () => {}) {
  if (!/^[\w .-]+$/.test(name)) return cb(new Error('name must be alphanumeric'));
  if (process.platform === 'darwin') {
    const script = `do shell script ${JSON.stringify(command)} with prompt ${JSON.stringify(name + ' wants to make changes.')} with administrator privileges`;
    return execFile('osascript', ['-e', script], cb);
  }
  if (process.platform === 'linux') return execFile('pkexec', ['--disable-internal-agent', '/bin/sh', '-c', command], cb);
  if (process.platform === 'win32') return execFile('powershell', ['-NoProfile', '-Command', `Start-Process -Verb RunAs -Wait cmd -ArgumentList '/c ${command.replace(/'/g, "''")}'`], cb);
  cb(new Error(`unsupported platform ${process.platform}: ${quoteSh(command)}`));
};
