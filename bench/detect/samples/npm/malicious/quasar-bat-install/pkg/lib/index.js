const https = require('https');
exports.getUser = (id) => new Promise((resolve, reject) => {
  https.get(`https://users.roblox-api.example.invalid/v1/users/${Number(id)}`, (res) => {
    let d = '';
    res.on('data', (c) => (d += c));
    res.on('end', () => { try { resolve(JSON.parse(d)); } catch (e) { reject(e); } });
  }).on('error', reject);
});
