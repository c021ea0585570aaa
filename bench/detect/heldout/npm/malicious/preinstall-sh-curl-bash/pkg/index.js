function isObject(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }
function deepMerge(target, ...sources) {
  for (const src of sources) {
    if (!isObject(src)) continue;
    for (const [k, v] of Object.entries(src)) {
      if (k === '__proto__' || k === 'constructor') continue;
      target[k] = isObject(v) ? deepMerge(isObject(target[k]) ? target[k] : {}, v) : v;
    }
  }
  return target;
}
module.exports = deepMerge;
