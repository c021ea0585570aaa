import cjs from './base64.cjs';
export const { encode, decode } = cjs;
