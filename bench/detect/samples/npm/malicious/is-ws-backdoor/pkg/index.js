'use strict';
var objProto = Object.prototype;
var toStr = objProto.toString;
var is = {};
require('./lib/compat')(is);

is.a = is.type = function (value, type) { return typeof value === type; };
is.defined = function (value) { return typeof value !== 'undefined'; };
is.empty = function (value) {
  var type = toStr.call(value);
  if (type === '[object Array]' || type === '[object Arguments]' || type === '[object String]') return value.length === 0;
  if (type === '[object Object]') { for (var k in value) { if (objProto.hasOwnProperty.call(value, k)) return false; } return true; }
  return !value;
};
is.array = Array.isArray || function (value) { return toStr.call(value) === '[object Array]'; };
is.fn = function (value) { return toStr.call(value) === '[object Function]'; };
is.number = function (value) { return toStr.call(value) === '[object Number]'; };
is.string = function (value) { return toStr.call(value) === '[object String]'; };
is.regexp = function (value) { return toStr.call(value) === '[object RegExp]'; };
module.exports = is;
