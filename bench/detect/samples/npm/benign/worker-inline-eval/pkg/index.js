'use strict';
const { Worker } = require('worker_threads');
const os = require('os');

const BOOT = (fnSource) => `
const { parentPort } = require('worker_threads');
const fn = (${fnSource});
parentPort.on('message', async ({ id, args }) => {
  try { parentPort.postMessage({ id, value: await fn(...args) }); }
  catch (e) { parentPort.postMessage({ id, error: String(e && e.stack || e) }); }
});`;

class Pool {
  constructor(fn, size = Math.max(1, os.cpus().length - 1)) {
    if (typeof fn !== 'function') throw new TypeError('Pool needs a function');
    this.source = BOOT(fn.toString());
    this.size = size;
    this.workers = [];
    this.next = 0;
    this.seq = 0;
    this.pending = new Map();
  }
  _spawn() {
    const w = new Worker(this.source, { eval: true });
    w.on('message', ({ id, value, error }) => {
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      error ? p.reject(new Error(error)) : p.resolve(value);
    });
    this.workers.push(w);
    return w;
  }
  run(...args) {
    const w = this.workers.length < this.size ? this._spawn() : this.workers[this.next++ % this.workers.length];
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, args });
    });
  }
  async close() { await Promise.all(this.workers.map((w) => w.terminate())); this.workers = []; }
}

module.exports = { Pool };
