module.exports = require('./build/Release/xxhash_addon.node');
