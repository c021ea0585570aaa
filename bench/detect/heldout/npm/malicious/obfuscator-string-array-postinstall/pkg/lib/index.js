module.exports = {
  rules: {
    'sorted-imports': {
      meta: { type: 'suggestion', fixable: 'code' },
      create(context) {
        let last = null;
        return {
          ImportDeclaration(node) {
            const src = node.source.value;
            if (last && src < last) context.report({ node, message: `'${src}' should come before '${last}'` });
            last = src;
          },
        };
      },
    },
  },
};
