'use strict';

function parse(text, { delimiter = ',', header = true } = {}) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  if (!header) return rows;
  const [head, ...rest] = rows;
  return rest.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

function stringify(rows, { delimiter = ',' } = {}) {
  const q = (v) => (/[",\n\r]/.test(String(v)) ? '"' + String(v).replace(/"/g, '""') + '"' : String(v));
  if (!rows.length) return '';
  const cols = Object.keys(rows[0]);
  return [cols.map(q).join(delimiter), ...rows.map((r) => cols.map((c) => q(r[c] ?? '')).join(delimiter))].join('\n');
}

module.exports = { parse, stringify };
