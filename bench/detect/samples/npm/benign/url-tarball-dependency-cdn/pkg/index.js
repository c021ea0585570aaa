'use strict';
const XLSX = require('xlsx');

function toWorkbook(rows, sheetName = 'Sheet1') {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.json_to_sheet(rows), sheetName);
  return wb;
}

function exportXlsx(rows, file, opts = {}) {
  XLSX.writeFile(toWorkbook(rows, opts.sheetName), file, { compression: true });
  return file;
}

function exportCsv(rows) {
  return XLSX.utils.sheet_to_csv(XLSX.utils.json_to_sheet(rows));
}

module.exports = { toWorkbook, exportXlsx, exportCsv };
