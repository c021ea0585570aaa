const { exec } = require('child_process');
module.exports.exec = function (cmd, opts, cb) {
  if (typeof opts === 'function') { cb = opts; opts = {}; }
  const name = (opts && opts.name) || 'Node';
  if (process.platform === 'darwin') {
    return exec(`osascript -e 'do shell script "${cmd.replace(/"/g, '\\"')}" with administrator privileges with prompt "${name} wants to make changes."'`, cb);
  }
  return exec(`pkexec ${cmd}`, cb);
};
