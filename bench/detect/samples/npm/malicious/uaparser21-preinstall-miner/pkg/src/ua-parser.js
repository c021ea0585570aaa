(function (window, undefined) {
  'use strict';
  var LIBVERSION = '0.7.29', EMPTY = '', UNKNOWN = '?', FUNC_TYPE = 'function', UNDEF_TYPE = 'undefined', OBJ_TYPE = 'object', STR_TYPE = 'string';
  var regexes = {
    browser: [[/(opera\smini)\/([\w\.-]+)/i, /(opera\s[mobiletab]{3,6})\b.+version\/([\w\.-]+)/i], ['name', 'version']],
    os: [[/microsoft\s(windows)\s(vista|xp)/i, /(windows)\snt\s6\.2;\s(arm)/i], ['name', 'version']]
  };
  var UAParser = function (ua) {
    var _ua = ua || ((typeof window !== UNDEF_TYPE && window.navigator && window.navigator.userAgent) ? window.navigator.userAgent : EMPTY);
    this.getUA = function () { return _ua; };
    this.getBrowser = function () {
      for (var i = 0; i < regexes.browser[0].length; i++) {
        var m = regexes.browser[0][i].exec(_ua);
        if (m) return { name: m[1], version: m[2] };
      }
      return { name: undefined, version: undefined };
    };
    return this;
  };
  UAParser.VERSION = LIBVERSION;
  if (typeof exports !== UNDEF_TYPE) {
    if (typeof module !== UNDEF_TYPE && module.exports) exports = module.exports = UAParser;
    exports.UAParser = UAParser;
  } else if (typeof window !== UNDEF_TYPE) {
    window.UAParser = UAParser;
  }
})(typeof window === 'object' ? window : this);
