module.exports = {
  strict: require('./presets/strict.json'),
};
