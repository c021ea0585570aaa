const { validators } = require('./src/validators');
require('./src/plugins');
module.exports = function schemaValidator(schema) {
  for (const [path, rule] of Object.entries(validators)) {
    if (schema.path(path)) schema.path(path).validate(rule.fn, rule.msg);
  }
  return schema;
};
