module.exports = {
  rules: {
    'order-fix': {
      meta: { type: 'suggestion', fixable: 'code', schema: [] },
      create(context) {
        let last = null;
        return {
          ImportDeclaration(node) {
            const src = node.source.value;
            if (last && src.localeCompare(last) < 0) context.report({ node, message: 'Imports should be sorted' });
            last = src;
          },
        };
      },
    },
  },
};
