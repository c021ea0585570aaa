#!/usr/bin/env node
require('./lib').distTags(process.argv[2]).then((t) => console.log(t), (e) => { console.error(e.message); process.exit(1); });
