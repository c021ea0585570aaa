'use strict';
const major = Number(process.versions.node.split('.')[0]);
if (major < 14) {
  console.warn('fast-csv-lite: Node ' + process.versions.node + ' is not supported, please use 14 or later');
}
