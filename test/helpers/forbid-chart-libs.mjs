// Loaded with `node --import`: any import of the chart libraries (Vega, Vega-Lite, resvg) fails, so a
// command that runs clean under it provably never loaded them.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (/node_modules\\/(vega[^/]*|@resvg\\/[^/]+)\\//.test(r.url)) throw new Error('chart library loaded: ' + r.url);
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
