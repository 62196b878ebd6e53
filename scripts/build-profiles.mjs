// Part of npm run build: validates profiles/*.yaml against the schema and writes dist/profiles.json,
// which the importer reads at run time without loading a YAML parser or zod on every run.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { profileSchema } from '../dist/io/map/profile-schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = path.join(root, 'profiles');
const profiles = [];
for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  let data;
  try {
    data = parse(readFileSync(path.join(dir, name), 'utf8'));
  } catch (error) {
    console.error(`profiles/${name}: ${error.message}`);
    process.exit(1);
  }
  const result = profileSchema.safeParse(data);
  if (!result.success) {
    console.error(`profiles/${name}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    process.exit(1);
  }
  if (profiles.some((p) => p.id === result.data.id)) {
    console.error(`profiles/${name}: the id "${result.data.id}" is used twice`);
    process.exit(1);
  }
  profiles.push(result.data);
}
writeFileSync(path.join(root, 'dist', 'profiles.json'), JSON.stringify(profiles));
