'use strict';
exports.checkSchema = function (schema, env) {
  const out = [];
  for (const [key, rule] of Object.entries(schema || {})) {
    const v = env[key];
    if (rule.required && (v === undefined || v === '')) { out.push(`${key} is required`); continue; }
    if (v !== undefined && rule.type === 'number' && Number.isNaN(Number(v))) out.push(`${key} must be a number`);
    if (v !== undefined && rule.enum && !rule.enum.includes(v)) out.push(`${key} must be one of ${rule.enum.join(', ')}`);
  }
  return out;
};
