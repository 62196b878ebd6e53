// Loaded with `node --import`: importing any package named in FORBID_LIBS (comma-separated) fails, so
// a command that runs clean under it provably never loaded them.
import { register } from 'node:module';

const names = (process.env.FORBID_LIBS ?? '').split(',').filter(Boolean);
const hook = `const names = ${JSON.stringify(names)};
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  for (const n of names) if (r.url.includes('/node_modules/' + n + '/')) throw new Error('library loaded: ' + n);
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
