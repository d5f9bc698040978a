/**
 * Timeouts and overload refusals logged once per incident, not once per request: a
 * database that slows down would otherwise write a warning for every request it fails,
 * burying everything else. The first refusal of a kind starts an incident (one warn
 * line); when none of that kind has happened for `quietMs`, one info line ends it with
 * the count. Each request still has its access log line and its metric.
 * (Database outages are logged once by main.ts from the availability probe.)
 */
import type { Logger } from '../logger.js';

/** Outcome codes that come in bursts when the service or the database is struggling. */
const INCIDENT_CODES = new Set(['DEADLINE_EXCEEDED', 'OVERLOADED']);

interface Incident {
  started: number;
  count: number;
  timer: NodeJS.Timeout;
}

export class IncidentLog {
  private readonly open = new Map<string, Incident>();

  constructor(
    private readonly logger: Logger,
    private readonly quietMs = 30_000,
  ) {}

  record(code: string): void {
    if (!INCIDENT_CODES.has(code)) return;
    const incident = this.open.get(code);
    if (incident) {
      incident.count += 1;
      incident.timer.refresh();
      return;
    }
    this.logger.warn({ code }, `requests are being answered ${code}; logged once until it stops`);
    const timer = setTimeout(() => this.close(code), this.quietMs);
    timer.unref();
    this.open.set(code, { started: Date.now(), count: 1, timer });
  }

  /** Ends open incidents without waiting (shutdown). */
  stop(): void {
    for (const code of [...this.open.keys()]) this.close(code);
  }

  private close(code: string): void {
    const incident = this.open.get(code);
    if (!incident) return;
    clearTimeout(incident.timer);
    this.open.delete(code);
    this.logger.info(
      { code, count: incident.count, forMs: Date.now() - incident.started },
      `requests no longer answered ${code} (${incident.count} in this incident)`,
    );
  }
}
