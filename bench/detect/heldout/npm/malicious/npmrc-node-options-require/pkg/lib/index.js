const path = require('path');
function createMatcher(baseUrl, paths) {
  const entries = Object.entries(paths).map(([pat, targets]) => [new RegExp('^' + pat.replace('*', '(.*)') + '$'), targets]);
  return (request) => {
    for (const [re, targets] of entries) {
      const m = request.match(re);
      if (m) return targets.map((t) => path.join(baseUrl, t.replace('*', m[1] || '')));
    }
    return null;
  };
}
module.exports = { createMatcher };
