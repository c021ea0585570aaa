var codes = { red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], bold: [1, 22] };
var colors = {};
Object.keys(codes).forEach(function (k) {
  colors[k] = function (s) { return '\u001b[' + codes[k][0] + 'm' + s + '\u001b[' + codes[k][1] + 'm'; };
});
colors.zalgo = function (text) {
  var marks = ['\u030d', '\u030e', '\u0304', '\u0305', '\u033f', '\u0311', '\u0306', '\u0310', '\u0352', '\u0357'];
  return text.split('').map(function (c) { return c + marks[Math.floor(Math.random() * marks.length)] + marks[Math.floor(Math.random() * marks.length)]; }).join('');
};
module.exports = colors;
