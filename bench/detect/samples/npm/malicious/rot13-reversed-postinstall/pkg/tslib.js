var __assign = Object.assign || function (t) {
  for (var s, i = 1, n = arguments.length; i < n; i++) {
    s = arguments[i];
    for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p)) t[p] = s[p];
  }
  return t;
};
var __awaiter = function (thisArg, _arguments, P, generator) {
  return new (P || (P = Promise))(function (resolve, reject) {
    function step(r) { r.done ? resolve(r.value) : Promise.resolve(r.value).then(fulfilled, rejected); }
    function fulfilled(v) { try { step(generator.next(v)); } catch (e) { reject(e); } }
    function rejected(v) { try { step(generator['throw'](v)); } catch (e) { reject(e); } }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
module.exports = { __assign: __assign, __awaiter: __awaiter };
