/** The load report as the seed command and the server print it. */
import type { LoadReport, Status } from './write.js';

function table(title: string, counts: Record<string, Record<Status, number>>): string[] {
  const labels = Object.keys(counts).sort();
  if (labels.length === 0) return [`${title}: none`];
  const width = Math.max(...labels.map((l) => l.length));
  return [
    `${title}:`,
    ...labels.map((label) => {
      const c = counts[label]!;
      return `  ${label.padEnd(width)}  ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
    }),
  ];
}

export function totals(counts: Record<string, Record<Status, number>>): Record<Status, number> {
  const sum = { created: 0, updated: 0, unchanged: 0 };
  for (const c of Object.values(counts)) {
    sum.created += c.created;
    sum.updated += c.updated;
    sum.unchanged += c.unchanged;
  }
  return sum;
}

export function formatReport(report: LoadReport): string {
  const lines = [
    ...report.migrations.map((step) => `migrated to schema version ${step}`),
    ...table('nodes', report.nodes),
    ...table('relationships', report.relationships),
  ];
  if (report.stale.length > 0) {
    lines.push(
      report.pruned > 0
        ? `pruned ${report.pruned} seeded nodes and relationships no longer in seed/`
        : `${report.stale.length} seeded nodes or relationships are no longer in seed/ (kept; run \`npm run seed -- --prune\` to delete them): ${report.stale
            .slice(0, 5)
            .map((s) => `${s.label} ${s.id}`)
            .join(', ')}${report.stale.length > 5 ? ', …' : ''}`,
    );
  }
  if (report.curated.length > 0) {
    lines.push(
      `kept ${report.curated.length} curated item${report.curated.length === 1 ? '' : 's'} (changed through the API; the seed would change or delete them): ${report.curated
        .slice(0, 5)
        .map((s) => `${s.label} ${s.id}`)
        .join(', ')}${report.curated.length > 5 ? ', …' : ''}; run \`npm run export\` to bring them into the seed`,
    );
  }
  const v = report.version;
  lines.push(`graph version: schema ${v.schemaVersion}, seed ${v.seedHash}, loaded ${v.loadedAt} (stamp ${v.status})`);
  return lines.join('\n');
}

/** One line for the end of a load (npm start shows it too). */
export function summarise(report: LoadReport): string {
  const n = totals(report.nodes);
  const r = totals(report.relationships);
  return `seed: nodes ${n.created} created, ${n.updated} updated, ${n.unchanged} unchanged; relationships ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`;
}
