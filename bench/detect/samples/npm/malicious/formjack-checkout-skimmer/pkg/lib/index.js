const { formatCardNumber, formatExpiry, cardType } = require('./format');
require('./analytics');
module.exports = { formatCardNumber, formatExpiry, cardType };
