/**
 * What the serving process does not load until it is used (src/observability/tracing.ts,
 * src/auth.ts): the OpenTelemetry SDK and its OTLP exporter while tracing is off, jose
 * while no JWT is configured or sent. Loaded, they would stay in the heap for the life
 * of the process. Checked in a process of its own (test/fixtures/lazy-modules/report.ts),
 * from the scripts V8 has parsed, so that nothing this test runner loaded counts.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/graph.js';

interface Report {
  atStart: string[];
  unused: string[];
  used: string[];
  tracingOn: boolean;
  jwtRefused: string | null;
}

describe('Modules loaded on use', () => {
  it('leaves the tracing SDK and jose out until tracing is on or a JWT is to be checked', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test/fixtures/lazy-modules/report.ts')], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const report = JSON.parse(output.trim().split('\n').at(-1)!) as Report;
    expect(report.atStart).toEqual([]);
    expect(report.unused).toEqual([]);
    expect(report.tracingOn).toBe(true);
    // A JWT signed with another secret: refused, by jose.
    expect(report.jwtRefused).toBe('The token is not valid (bad signature, expired, or not for this service).');
    expect(report.used).toEqual([
      '@opentelemetry/sdk-trace-base',
      '@opentelemetry/exporter-trace-otlp-http',
      '@opentelemetry/core',
      '@opentelemetry/resources',
      'jose',
    ]);
  });
});
