module.exports = { ready: true };
