// audit.mjs URL — graphql-http's audit of the GraphQL over HTTP spec against the GraphQL
// endpoint at URL. It prints every audit that is not ok (with its reason) and a summary line,
// and exits 1 when any audit warns or fails: careergraph follows the spec's SHOULDs too.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/query');
  process.exit(2);
}

const results = await auditServer({ url });
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const r of results) {
  counts[r.status]++;
  if (r.status !== 'ok') {
    console.log(`${r.status.toUpperCase()} ${r.id} ${r.name}: ${r.reason}`);
  }
}
console.log(`graphql-http audit of ${url}: ${results.length} audits, ${counts.ok} ok, ` +
  `${counts.notice} notices, ${counts.warn} warnings, ${counts.error} errors`);
process.exit(counts.warn + counts.error > 0 ? 1 : 0);
