'use strict';
const Module = require('module');
const path = require('path');

const hooks = new Set();
let origRequire = null;

function patch() {
  if (origRequire) return;
  origRequire = Module.prototype.require;
  Module.prototype.require = function hookedRequire(id) {
    let exports = origRequire.apply(this, arguments);
    if (!hooks.size) return exports;
    const name = id.startsWith('.') || path.isAbsolute(id) ? null : id.split('/').slice(0, id.startsWith('@') ? 2 : 1).join('/');
    for (const h of hooks) {
      if (h.modules && name && !h.modules.includes(name)) continue;
      const res = h.onrequire(exports, name || id, id);
      if (res !== undefined) exports = res;
    }
    return exports;
  };
}

class Hook {
  constructor(modules, onrequire) {
    if (typeof modules === 'function') { onrequire = modules; modules = null; }
    this.modules = modules;
    this.onrequire = onrequire;
    hooks.add(this);
    patch();
  }
  unhook() {
    hooks.delete(this);
    if (!hooks.size && origRequire) { Module.prototype.require = origRequire; origRequire = null; }
  }
}

module.exports = Hook;
module.exports.Hook = Hook;
