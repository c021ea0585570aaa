module.exports = { name: 'app-shell' };
