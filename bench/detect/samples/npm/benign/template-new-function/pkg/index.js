'use strict';
const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(s) { return String(s).replace(/[&<>"']/g, (c) => escapes[c]); }

const cache = new Map();
function compile(source, { variable = 'data' } = {}) {
  if (cache.has(source)) return cache.get(source);
  let code = "let __out = '';\n";
  let last = 0;
  source.replace(/<%([=-]?)([\s\S]+?)%>/g, (match, kind, body, offset) => {
    code += `__out += ${JSON.stringify(source.slice(last, offset))};\n`;
    if (kind === '=') code += `__out += __esc(${body.trim()});\n`;
    else if (kind === '-') code += `__out += (${body.trim()});\n`;
    else code += body + '\n';
    last = offset + match.length;
    return match;
  });
  code += `__out += ${JSON.stringify(source.slice(last))};\nreturn __out;`;
  const fn = new Function(variable, '__esc', code);
  const render = (data) => fn(data, escapeHtml);
  cache.set(source, render);
  return render;
}
module.exports = { compile, render: (src, data, opts) => compile(src, opts)(data), escapeHtml };
