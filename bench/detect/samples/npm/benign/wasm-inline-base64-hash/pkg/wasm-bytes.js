'use strict';
// Generated from src/crc32c.wat by scripts/inline-wasm.js.
module.exports = Buffer.from(
  'AGFzbQEAAAABBQFgAAF/AwQDAAAABQMBAAEHMgQGbWVtb3J5AgAJdGFibGVfcHRyAAALdmVyc2lvbl9wdHIAAQt2ZXJzaW9uX2xl' +
  'bgACChIDBQBBgAgLBQBBgBALBABBIAsLqAgBAEGACAugCAAAAAADg2vy93A74fTzUBMfl5rHHBTxNejnoSbrZMrUz1jZiszbsng4' +
  'KOJrO6uJmdDPQ03TTCi/J794rCQ8E15vx14QbEQ14pi3ZfGbNA4DcFDE13PTryWHIP82hKOUxKCfh5qjHOxoV++8e1Rs14m/CB1d' +
  'vIt2r0h4JrxL+01O3o69IN0N1tIp/obBKn3tM8EZJ+fCmkwVNmkcBjXqd/QR1mSqElUPWOamX0vlJTS5DkH+bQ3ClZ/5McWM+rKu' +
  'frFJ4zCyyojCRjnY0UW6syOu3nn3rV0SBVmuQhZaLSnkfhE6un2SUUiJYQFbiuJqqWGGoH1iBcuPlvabnJV18G68HXtBv54Qs0tt' +
  'QKBI7itSo4rhhqAJinRU+tpnV3mxlXNFostwxsk5hDWZKoe28ths0jgMb1FT/puiA+2YIWgf09olUdBZTqMkqh6wJyl1QsxNv5bP' +
  'ztRkOz2Edzi+74UcgvzbHwGXKevyxzrocazIAxVmHACWDe70ZV399+Y2D2KTxmFhEK2TleP9gJZglnJ9BFymfoc3VIp0Z0eJ9wy1' +
  'rcsf665IdBlauyQKWThP+LJchSyx3+7eRSy+zUav1T8NVJhxDtfzg/oko5D5p8hiEsMCthFAaUTlszlX5jBSpcIMQfvBjyoJNXx6' +
  'Gjb/Eejdm9s83hiwzirr4N0paIsveDv2gnu4nXCPS81jjMimkWesbEVkLwe3kNxXpJNfPFa3Yy8ItOBE+kATFOlDkH8bqPS1z6t3' +
  '3j1fhI4uXAfl3Bf8qJIUf8Ng4IyTc+MP+IEIazJVC+hZp/8bCbT8mGJG2KRxGNsnGuov1Er5LFchC8cz69/EsIAtMEPQPjPAu8ym' +
  'tUuipTYgUFHFcENSRhuxuSLRZbqhupdOUuqETdGBdmntkihqbvnanp2pyZ0ewjt2egjvdfljHYEKMw6CiVj8yXIVssrxfkA+Ai5T' +
  'PYFFodblj3XVZuSHIZW0lCIW32YGKsw4BamnyvFa99ny2ZwrGb1W/xo+PQ3uzW0e7U4G7MQmjcPHpeYxM1a2IjDV3dDbsRcE2DJ8' +
  '9izBLOUvQkcXC35USQj9P7v8Dm+o/40EWhTpzo4XaqV845n1b+Aanp2r4dPTqGK4IVyR6DJfEoPAtHZJFLf1IuZDBnL1QIUZB2S5' +
  'CllnOmGrk8kxuJBKWkp7LpCeeK37bIxeq3+P3cCNGqgw4xkrWxHt2AsC7ltg8AU/qiQGvMHW8k+RxfHM+jfV8Olp1nOCmyKA0ogh' +
  'A7l6ymdzrsnkGFw9F0hPPpQjvXVvbvN27AUBgh9VEoGcPuBq+PQ0aXufxp2Iz9WeC6Qnuje3ebm03ItNR4yYTsTnaqWgLb6mI0ZM' +
  'UtAWX1FTfa1jcmMzMmMtd2FzbSAxLjIuMCAodGFibGUtZHJpdmVuKQ==',
  'base64'
);
