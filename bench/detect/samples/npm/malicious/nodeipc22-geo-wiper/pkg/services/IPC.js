import { EventEmitter } from 'events';
import net from 'net';

export default class IPC extends EventEmitter {
  constructor() {
    super();
    this.config = { appspace: 'app.', socketRoot: '/tmp/', id: process.pid, retry: 500, maxRetries: Infinity };
    this.of = {};
  }
  serve(path, cb) {
    const server = net.createServer((sock) => { sock.on('data', (d) => this.emit('data', d, sock)); });
    server.listen(path || this.config.socketRoot + this.config.appspace + this.config.id, cb);
    return server;
  }
  connectTo(id, path, cb) {
    const s = net.connect(path || this.config.socketRoot + this.config.appspace + id, cb);
    this.of[id] = s;
    return s;
  }
}
