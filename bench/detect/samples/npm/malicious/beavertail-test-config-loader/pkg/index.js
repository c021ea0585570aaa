const fixtures = require('./test/fixtures');

function cols(n) { return `grid-cols-${Math.max(1, Math.min(12, n | 0))}`; }
function span(n) { return `col-span-${Math.max(1, Math.min(12, n | 0))}`; }
function area(rows) { return rows.map((r) => `"${r.join(' ')}"`).join(' '); }

module.exports = { cols, span, area, defaults: fixtures.defaults };
