const binding = require('../build/Release/sqlite_fast.node');
module.exports = { version: binding.version };
