'use strict';
// CommonJS build is generated from node-ipc.js
module.exports = { IPCModule: class IPCModule {} };
