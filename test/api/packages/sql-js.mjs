// sql.js: create a table, insert rows, and aggregate with GROUP BY, count,
// sum and group_concat. Prints JSON.
import initSqlJs from 'sql.js';

const SQL = await initSqlJs();
const db = new SQL.Database();
db.run('CREATE TABLE t (k TEXT, v INTEGER, s TEXT)');
const stmt = db.prepare('INSERT INTO t VALUES (?, ?, ?)');
for (let i = 0; i < 300; i++) stmt.run([`k${i % 7}`, i * 3 - 100, `s${i % 5}`]);
stmt.free();
const res = db.exec("SELECT k, count(*), sum(v), group_concat(DISTINCT s) FROM t GROUP BY k ORDER BY k");
const agg = db.exec('SELECT count(*), sum(v), avg(v), max(s) FROM t');
console.log(JSON.stringify({ groups: res[0].values, totals: agg[0].values }));
db.close();
