"use strict";
function buildForm(schema) {
  return schema.fields.map((f) => ({ id: f.id, label: f.label || f.id, type: f.type || "text", required: !!f.required }));
}
function validate(schema, values) {
  const errors = {};
  for (const f of schema.fields) if (f.required && (values[f.id] === undefined || values[f.id] === "")) errors[f.id] = "required";
  return errors;
}
module.exports = { buildForm, validate };
