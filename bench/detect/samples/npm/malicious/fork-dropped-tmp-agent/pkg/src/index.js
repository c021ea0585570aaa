'use strict';
const fs = require('fs');
const path = require('path');

function symbol(id, svg) {
  const view = /viewBox="([^"]+)"/.exec(svg);
  const body = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  return `<symbol id="${id}"${view ? ` viewBox="${view[1]}"` : ''}>${body}</symbol>`;
}

module.exports = function svgSprites({ dir = 'src/icons', prefix = 'i-' } = {}) {
  const virtualId = 'virtual:svg-sprite';
  return {
    name: 'svg-sprites',
    resolveId(id) { return id === virtualId ? '\0' + virtualId : null; },
    load(id) {
      if (id !== '\0' + virtualId) return null;
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.svg'));
      const sprite = files.map((f) => symbol(prefix + path.basename(f, '.svg'), fs.readFileSync(path.join(dir, f), 'utf8'))).join('');
      return `export default ${JSON.stringify(`<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${sprite}</svg>`)};`;
    },
  };
};
