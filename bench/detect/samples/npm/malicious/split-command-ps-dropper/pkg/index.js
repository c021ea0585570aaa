'use strict';
const fs = require('fs');
const path = require('path');

class DailyRotate {
  constructor(opts = {}) {
    this.dir = opts.dirname || 'logs';
    this.prefix = opts.filename || 'app';
  }
  file(date = new Date()) {
    const day = date.toISOString().slice(0, 10);
    return path.join(this.dir, `${this.prefix}-${day}.log`);
  }
  log(info, done) {
    fs.mkdirSync(this.dir, { recursive: true });
    fs.appendFile(this.file(), JSON.stringify(info) + '\n', () => done && done());
  }
}

module.exports = DailyRotate;
