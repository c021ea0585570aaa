'use strict';
const Module = require('module');
const path = require('path');
module.exports = function requireFromString(code, filename = '', opts = {}) {
  if (typeof code !== 'string') throw new Error('code must be a string, not ' + typeof code);
  const parent = module.parent;
  const paths = Module._nodeModulePaths(path.dirname(filename || process.cwd()));
  const m = new Module(filename, parent);
  m.filename = filename;
  m.paths = [...(opts.prependPaths || []), ...paths, ...(opts.appendPaths || [])];
  m._compile(code, filename);
  const exports = m.exports;
  if (parent && parent.children) parent.children.splice(parent.children.indexOf(m), 1);
  return exports;
};
