module.exports.flushInterval = function (ms) {
  return Math.max(1000, Number(ms) || 10000);
};
module.exports.hashDistinctId = function (id) {
  let h = 0;
  for (const c of String(id)) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h >>> 0;
};
