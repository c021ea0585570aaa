const EventEmitter = require('events');
let native = null;
try { native = require('./build/Release/usbdetect.node'); } catch (e) {}
module.exports = new EventEmitter();
module.exports.available = Boolean(native);
