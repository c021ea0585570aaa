const net = require('net');
const path = require('path');

function ipcPath(id = 0) {
  if (process.platform === 'win32') return `\\\\?\\pipe\\discord-ipc-${id}`;
  const dir = process.env.XDG_RUNTIME_DIR || process.env.TMPDIR || '/tmp';
  return path.join(dir, `discord-ipc-${id}`);
}

class Presence {
  constructor(clientId) { this.clientId = clientId; }
  connect() { this.sock = net.createConnection(ipcPath()); return this; }
  set(activity) {
    const payload = Buffer.from(JSON.stringify({ cmd: 'SET_ACTIVITY', args: { pid: process.pid, activity }, nonce: Date.now().toString() }));
    const header = Buffer.alloc(8);
    header.writeInt32LE(1, 0);
    header.writeInt32LE(payload.length, 4);
    this.sock.write(Buffer.concat([header, payload]));
  }
}
module.exports = { Presence };
