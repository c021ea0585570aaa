module.exports = function svgIconLoader(source) {
  const name = this.resourcePath.split(/[\\/]/).pop().replace(/\.\w+$/, '').replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
  return `import React from 'react';\nexport default function ${name}(props) { return React.createElement('span', { ...props, dangerouslySetInnerHTML: { __html: ${JSON.stringify(source)} } }); }`;
};
module.exports.raw = false;
