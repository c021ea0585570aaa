exports.lamportsToSol = (l) => Number(l) / 1e9;
exports.solToLamports = (s) => Math.round(Number(s) * 1e9);
exports.shortKey = (k) => `${String(k).slice(0, 4)}…${String(k).slice(-4)}`;
