#!/usr/bin/env node
const { execFileSync } = require('child_process');
const [from = '', to = 'HEAD'] = process.argv.slice(2);
const range = from ? `${from}..${to}` : to;
const log = execFileSync('git', ['log', '--no-merges', '--pretty=format:%h%x09%s%x09%an', range], { encoding: 'utf8' });
const groups = {};
for (const line of log.split('\n').filter(Boolean)) {
  const [hash, subject, author] = line.split('\t');
  const type = (subject.match(/^(\w+)(\(.+\))?:/) || [, 'other'])[1];
  (groups[type] = groups[type] || []).push(`- ${subject} (${hash}, ${author})`);
}
for (const [t, items] of Object.entries(groups)) console.log(`### ${t}\n${items.join('\n')}\n`);
