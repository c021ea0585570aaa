'use strict';
// Thin re-export of the hashing helpers.
const crypto = require('crypto');
function hash(alg, data) { return crypto.createHash(alg).update(String(data)).digest('hex'); }
module.exports = {
  MD5: (d) => hash('md5', d),
  SHA1: (d) => hash('sha1', d),
  SHA256: (d) => hash('sha256', d),
  HmacSHA256: (d, k) => crypto.createHmac('sha256', k).update(String(d)).digest('hex'),
};
