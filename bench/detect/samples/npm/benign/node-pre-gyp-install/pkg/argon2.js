'use strict';
const { randomBytes } = require('crypto');
const binary = require('@mapbox/node-pre-gyp');
const path = require('path');
const bindings = require(binary.find(path.resolve(path.join(__dirname, './package.json'))));
const defaults = { hashLength: 32, timeCost: 3, memoryCost: 65536, parallelism: 4, type: 2 };
exports.hash = async (plain, options = {}) => {
  const o = { ...defaults, ...options, salt: options.salt || randomBytes(16) };
  return new Promise((resolve, reject) => bindings.hash(Buffer.from(plain), o, (err, out) => (err ? reject(err) : resolve(out))));
};
