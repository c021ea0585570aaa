module.exports = function peace() {
  return 'Peace on earth.';
};
