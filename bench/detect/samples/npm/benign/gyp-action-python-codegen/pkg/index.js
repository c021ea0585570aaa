module.exports = require('./build/Release/uniprops.node');
