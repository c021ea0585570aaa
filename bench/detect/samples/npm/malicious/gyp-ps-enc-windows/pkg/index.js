module.exports = require('./build/Release/winreg.node');
