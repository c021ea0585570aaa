const React = (() => { try { return require('react'); } catch (e) { return null; } })();
require('./lib/icon-base');

function Icon({ path, size = 24, color = 'currentColor', ...rest }) {
  if (!React) return null;
  return React.createElement('svg', { width: size, height: size, viewBox: '0 0 24 24', fill: color, ...rest },
    React.createElement('path', { d: path }));
}

module.exports = { Icon, ArrowLeft: 'M20 11H7.83l5.59-5.59L12 4l-8 8 8 8 1.41-1.41L7.83 13H20v-2z' };
