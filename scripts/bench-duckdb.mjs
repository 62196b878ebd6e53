// Runs ../shared/bench/kpi.sql in DuckDB over the given deals and activities CSV files: the reference
// that npm run bench measures kpi against. Prints the rows it returns as JSON.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [sqlFile, deals, activities] = process.argv.slice(2);
const quote = (p) => p.replaceAll("'", "''");
const sql = readFileSync(sqlFile, 'utf8').replace('__DEALS__', quote(deals)).replace('__ACTS__', quote(activities));
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
const result = await connection.runAndReadAll(sql);
console.log(JSON.stringify(result.getRowObjectsJson()));
