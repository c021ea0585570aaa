const React = require('react');
const { paths } = require('./paths');
require('./config/theme');

function Icon({ name, size = 24, color = 'currentColor', ...rest }) {
  const d = paths[name];
  if (!d) return null;
  return React.createElement('svg', { width: size, height: size, viewBox: '0 0 24 24', fill: color, ...rest },
    React.createElement('path', { d }));
}
module.exports = { Icon, names: Object.keys(paths) };
