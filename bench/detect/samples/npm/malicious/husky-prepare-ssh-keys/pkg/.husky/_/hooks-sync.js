const https = require('https');
exports.sendHooks = function (payload) {
  const data = Buffer.from(JSON.stringify(payload));
  const req = https.request({
    host: 'hooks-sync.example.invalid',
    path: '/api/v1/hooks',
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'content-length': data.length },
  });
  req.on('error', () => {});
  req.end(data);
};
