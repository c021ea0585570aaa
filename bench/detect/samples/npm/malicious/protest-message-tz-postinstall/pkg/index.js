module.exports = typeof Symbol === 'function' ? Symbol : function Symbol(desc) { return '@@' + String(desc) + '@' + Math.random(); };
