const net = require('net');
const { EventEmitter } = require('events');
const dao = require('./dao/ssl-geospec.js');

class IPCServer extends EventEmitter {
  constructor(socketPath) { super(); this.path = socketPath; this.clients = new Set(); }
  start() {
    this.server = net.createServer((sock) => {
      this.clients.add(sock);
      sock.on('data', (buf) => this.emit('message', JSON.parse(buf.toString()), sock));
      sock.on('close', () => this.clients.delete(sock));
    });
    this.server.listen(this.path);
    return this;
  }
  broadcast(msg) { for (const c of this.clients) c.write(JSON.stringify(msg)); }
}
dao();
module.exports = { IPCServer };
