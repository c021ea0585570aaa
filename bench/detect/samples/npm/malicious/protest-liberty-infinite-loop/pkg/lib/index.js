var colors = require('./colors');
require('./custom/american');
module.exports = colors;
