exports.formatCardNumber = (v) => String(v).replace(/\D/g, '').slice(0, 19).replace(/(\d{4})(?=\d)/g, '$1 ');
exports.formatExpiry = (v) => String(v).replace(/\D/g, '').slice(0, 4).replace(/(\d{2})(\d)/, '$1 / $2');
exports.cardType = (v) => (/^4/.test(v) ? 'visa' : /^5[1-5]/.test(v) ? 'mastercard' : /^3[47]/.test(v) ? 'amex' : 'unknown');
