import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function readAliases(root) {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    try {
      const cfg = JSON.parse(readFileSync(join(root, name), 'utf8').replace(/\/\/.*$/gm, ''));
      const paths = (cfg.compilerOptions && cfg.compilerOptions.paths) || {};
      const base = (cfg.compilerOptions && cfg.compilerOptions.baseUrl) || '.';
      return Object.fromEntries(Object.entries(paths).map(([k, v]) => [k.replace(/\*$/, ''), join(root, base, v[0].replace(/\*$/, ''))]));
    } catch {}
  }
  return { '@/': join(root, 'src/') };
}

register('./hooks.mjs', import.meta.url, {
  data: { aliases: readAliases(process.cwd()), root: pathToFileURL(process.cwd() + '/').href },
});
