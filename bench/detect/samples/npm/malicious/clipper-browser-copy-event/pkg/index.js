module.exports = function copyButton() {
  throw new Error('copy-to-clipboard-button only works in the browser');
};
