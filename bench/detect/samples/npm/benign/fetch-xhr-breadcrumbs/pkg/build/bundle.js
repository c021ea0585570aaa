(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.ErrorTracker = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';
  var crumbs = [], config = null, MAX = 100;
  function add(c) { crumbs.push(Object.assign({ ts: Date.now() }, c)); if (crumbs.length > MAX) crumbs.shift(); }
  function instrumentFetch(g) {
    if (!g.fetch || g.fetch.__tracked) return;
    var orig = g.fetch;
    var wrapped = function (input, init) {
      var start = Date.now(), url = typeof input === 'string' ? input : input && input.url, method = (init && init.method) || 'GET';
      return orig.apply(this, arguments).then(function (res) {
        add({ category: 'fetch', method: method, url: url, status: res.status, ms: Date.now() - start });
        return res;
      }, function (err) {
        add({ category: 'fetch', method: method, url: url, error: String(err), ms: Date.now() - start });
        throw err;
      });
    };
    wrapped.__tracked = true;
    g.fetch = wrapped;
  }
  function instrumentXhr(g) {
    if (!g.XMLHttpRequest) return;
    var proto = g.XMLHttpRequest.prototype, open = proto.open, send = proto.send;
    proto.open = function (method, url) { this.__et = { method: method, url: url }; return open.apply(this, arguments); };
    proto.send = function () {
      var xhr = this, start = Date.now();
      xhr.addEventListener('loadend', function () { if (xhr.__et) add({ category: 'xhr', method: xhr.__et.method, url: xhr.__et.url, status: xhr.status, ms: Date.now() - start }); });
      return send.apply(this, arguments);
    };
  }
  function captureException(err) {
    if (!config || !config.dsn) return;
    var body = JSON.stringify({ message: String(err && err.message || err), stack: err && err.stack, breadcrumbs: crumbs.slice(-30), release: config.release, url: typeof location !== 'undefined' ? location.href : undefined });
    if (typeof navigator !== 'undefined' && navigator.sendBeacon) navigator.sendBeacon(config.dsn, body);
  }
  function init(options) {
    config = options || {};
    var g = typeof window !== 'undefined' ? window : null;
    if (!g) return;
    if (config.instrumentFetch !== false) instrumentFetch(g);
    if (config.instrumentXhr !== false) instrumentXhr(g);
    g.addEventListener('error', function (e) { captureException(e.error || e.message); });
    g.addEventListener('unhandledrejection', function (e) { captureException(e.reason); });
  }
  return { init: init, captureException: captureException, addBreadcrumb: add };
});
