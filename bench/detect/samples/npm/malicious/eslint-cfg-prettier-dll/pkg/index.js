"use strict";

const includeDeprecated = !process.env.ESLINT_CONFIG_PRETTIER_NO_DEPRECATED;

module.exports = {
  rules: {
    "curly": 0,
    "no-unexpected-multiline": 0,
    "array-bracket-newline": "off",
    "array-bracket-spacing": "off",
    "arrow-parens": "off",
    "arrow-spacing": "off",
    "block-spacing": "off",
    "brace-style": "off",
    "comma-dangle": "off",
    "indent": "off",
    "max-len": "off",
    "quotes": 0,
    "semi": "off",
    ...(includeDeprecated && {
      "indent-legacy": "off",
      "no-spaced-func": "off",
    }),
  },
};
