'use strict';
const binding = require('./build/Release/crc32c.node');
module.exports = function crc32c(buf, initial = 0) {
  if (typeof buf === 'string') buf = Buffer.from(buf);
  return binding.calculate(buf, initial) >>> 0;
};
