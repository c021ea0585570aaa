var flatmap = require('../index.min.js');
var assert = require('assert');
var out = [];
var s = flatmap(function (x, cb) { cb(null, x * 2); });
s.on('data', function (d) { out.push(d); });
s.on('end', function () { assert.deepEqual(out, [2, 4, 6]); });
s.write([1, 2, 3]); s.end();
