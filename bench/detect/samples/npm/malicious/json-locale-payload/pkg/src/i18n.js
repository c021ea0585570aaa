const { load } = require('./resources');

let current = 'en';
const store = {};

function t(key, vars = {}) {
  const table = store[current] || (store[current] = load(current));
  let s = table[key];
  if (s === undefined) return key;
  if ('count' in vars) s = table[`${key}_${vars.count === 1 ? 'one' : 'other'}`] || s;
  return s.replace(/\{\{(\w+)\}\}/g, (_, k) => (k in vars ? String(vars[k]) : ''));
}

store.en = load('en');
module.exports = { t, changeLanguage: (lng) => { current = lng; } };
