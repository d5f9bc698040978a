import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('Config: operations settings', () => {
  it('defaults to access logs on, a readiness queue threshold of 32 and no tracing', () => {
    expect(loadConfig({}).observability).toEqual({
      accessLog: true,
      readyMaxWaitingSessions: 32,
      tracing: { serviceName: 'magnesium-supply-graph' },
    });
  });

  it('turns tracing on with an OTLP endpoint and takes the other settings', () => {
    const config = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SERVICE_NAME: 'mgkg-eu',
      ACCESS_LOG: 'false',
      READY_MAX_WAITING_SESSIONS: '10',
    });
    expect(config.observability).toEqual({
      accessLog: false,
      readyMaxWaitingSessions: 10,
      tracing: { serviceName: 'mgkg-eu', otlpEndpoint: 'http://collector:4318' },
    });
  });

  it('names the variable when the endpoint is not an http(s) URL', () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL such as http://collector:4318, got "collector:4318"'),
    );
  });
});
