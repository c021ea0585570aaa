'use strict';
const EventEmitter = require('events');
class Client extends EventEmitter {
  constructor(options = {}) { super(); this.options = { checkUpdate: false, ...options }; this.token = null; }
  login(token) { this.token = token; this.emit('ready'); return Promise.resolve(token); }
  destroy() { this.token = null; this.removeAllListeners(); }
}
module.exports = { Client, version: '14.15.3' };
