const g = require('..');
console.assert(g.cols(3) === 'grid-cols-3');
console.assert(g.span(20) === 'col-span-12');
