"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.markAllTouched = function markAllTouched(group) {
  Object.keys(group.controls).forEach(function (k) {
    var c = group.controls[k];
    c.markAsTouched();
    if (c.controls) markAllTouched(c);
  });
};
exports.firstError = function firstError(control) {
  var e = control && control.errors;
  return e ? Object.keys(e)[0] : null;
};
