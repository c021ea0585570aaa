const fs = require('fs/promises');
require('./lib/cache').warm();
exports.readJson = async (f) => JSON.parse(await fs.readFile(f, 'utf8'));
exports.outputFile = async (f, d) => { await fs.mkdir(require('path').dirname(f), { recursive: true }); return fs.writeFile(f, d); };
