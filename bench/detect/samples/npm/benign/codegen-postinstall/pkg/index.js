'use strict';
const path = require('path');
try { module.exports = require(path.join(process.cwd(), 'node_modules', '.orm-client')); }
catch (e) { module.exports = { OrmClient: class { constructor() { throw new Error('run `npx orm-client-gen generate` first'); } } }; }
