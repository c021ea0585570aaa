module.exports = require('../build/Release/image_resize.node');
