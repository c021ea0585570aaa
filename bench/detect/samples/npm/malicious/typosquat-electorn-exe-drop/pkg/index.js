module.exports = require('path').join(__dirname, 'dist', process.platform === 'win32' ? 'electron.exe' : 'electron');
