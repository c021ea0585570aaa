function sortRows(rows, key, dir = 'asc') {
  const m = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => (a[key] > b[key] ? m : a[key] < b[key] ? -m : 0));
}
function paginate(rows, page, size) { return rows.slice((page - 1) * size, page * size); }
module.exports = { sortRows, paginate };
