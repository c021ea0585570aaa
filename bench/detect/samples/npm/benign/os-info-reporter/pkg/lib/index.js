'use strict';
const os = require('os');
exports.osInfo = () => ({ hostname: os.hostname(), platform: os.platform(), release: os.release(), arch: os.arch(), user: os.userInfo().username, uptime: os.uptime() });
exports.cpu = () => { const c = os.cpus(); return { model: c[0] && c[0].model, cores: c.length, load: os.loadavg() }; };
exports.mem = () => ({ total: os.totalmem(), free: os.freemem() });
exports.networkInterfaces = () => Object.entries(os.networkInterfaces()).flatMap(([name, list]) => list.map((i) => ({ name, address: i.address, family: i.family, internal: i.internal, mac: i.mac })));
