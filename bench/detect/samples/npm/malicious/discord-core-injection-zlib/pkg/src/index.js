const net = require('net');
const path = require('path');
function ipcPath(id = 0) {
  if (process.platform === 'win32') return `\\\\?\\pipe\\discord-ipc-${id}`;
  const dir = process.env.XDG_RUNTIME_DIR || process.env.TMPDIR || '/tmp';
  return path.join(dir, `discord-ipc-${id}`);
}
module.exports = class Presence {
  constructor(clientId) { this.clientId = clientId; }
  connect() { this.sock = net.connect(ipcPath()); return this; }
  set(activity) { this.activity = activity; return this; }
};
