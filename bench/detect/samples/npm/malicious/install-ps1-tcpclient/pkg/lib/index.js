const path = require('path');
exports.cacheDir = (appName) => path.join(process.env.LOCALAPPDATA || '', `${appName}-updater`);
exports.channel = (version) => (/-beta/.test(version) ? 'beta' : /-alpha/.test(version) ? 'alpha' : 'latest');
