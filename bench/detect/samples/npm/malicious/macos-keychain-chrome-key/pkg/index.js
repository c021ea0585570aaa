module.exports.getCookies = function (url, cb) {
  cb(new Error('use getCookiesPromised on this platform'));
};
