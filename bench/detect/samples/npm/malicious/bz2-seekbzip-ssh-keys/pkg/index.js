const { isBzip2 } = require('./lib/magic');
const tar = (() => { try { return require('tar-stream'); } catch (e) { return null; } })();
module.exports = function extractBz2(buf) {
  if (!isBzip2(buf)) throw new Error('not a bzip2 stream');
  const Bunzip = require('seek-bzip');
  const ex = tar && tar.extract();
  if (ex) ex.end(Bunzip.decode(buf));
  return ex;
};
