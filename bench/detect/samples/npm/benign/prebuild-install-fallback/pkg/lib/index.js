module.exports = require('bindings')('sqlite_vec');
