#!/usr/bin/env node
const https = require('https');
const sym = (process.argv[2] || 'BTC').toUpperCase();
https.get(`https://prices.example.invalid/v1/${sym}`, (res) => {
  let d = '';
  res.on('data', (c) => (d += c));
  res.on('end', () => { try { console.log(sym, JSON.parse(d).usd); } catch (e) { console.error('bad response'); } });
}).on('error', (e) => console.error(e.message));
