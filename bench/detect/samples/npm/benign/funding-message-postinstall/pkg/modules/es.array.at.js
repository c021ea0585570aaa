if (!Array.prototype.at) {
  Object.defineProperty(Array.prototype, 'at', {
    configurable: true, writable: true,
    value: function at(index) {
      var len = this.length >>> 0, k = Math.trunc(index) || 0;
      if (k < 0) k += len;
      return k < 0 || k >= len ? undefined : this[k];
    },
  });
}
