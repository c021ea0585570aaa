import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export async function resolve(specifier, context, next) {
  if (specifier.endsWith('.js') && context.parentURL && context.parentURL.endsWith('.ts')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return next(candidate.href, context);
  }
  return next(specifier, context);
}

// Very small type stripper: removes `: Type` annotations, `interface` blocks and `import type` lines.
function strip(src) {
  return src
    .replace(/^\s*import\s+type\s+[^;]+;?$/gm, '')
    .replace(/^\s*(export\s+)?interface\s+\w+[^{]*\{[\s\S]*?^\}/gm, '')
    .replace(/(\w|\))\s*:\s*[A-Za-z_][\w<>\[\]|, .]*(?=\s*[=,)\n;{])/g, '$1')
    .replace(/\sas\s+[A-Za-z_][\w<>\[\]]*/g, '');
}

export async function load(url, context, next) {
  if (url.startsWith('file:') && url.endsWith('.ts')) {
    const result = await next(url, { ...context, format: 'module' });
    const src = typeof result.source === 'string' ? result.source : Buffer.from(result.source).toString('utf8');
    return { format: 'module', source: strip(src), shortCircuit: true };
  }
  return next(url, context);
}
