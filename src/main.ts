/**
 * `npm start`: reads the configuration, opens the graph (the Neo4j at NEO4J_URI, or a
 * local one started and supervised here), runs the load step (`npm run load`) when
 * SEED_ON_START is set, then serves GraphQL. SIGINT/SIGTERM stop the listener, the
 * driver and the local Neo4j, in order. A local Neo4j that dies is restarted; one that
 * cannot be ends the process.
 */
import type { Server } from 'node:http';
import { loadConfig } from './config.js';
import { openGraph } from './graph.js';
import { warmQueryPlans } from './db/warm.js';
import { createHttpServer } from './http/listen.js';
import { createLogger } from './logger.js';
import { createObservability } from './observability/index.js';
import { limitHeapGrowth } from './ops/heap-growth.js';
import { runLoadStep } from './ops/load-step.js';
import { runCli } from './run-cli.js';
import { createServer } from './server.js';

runCli(async () => {
  limitHeapGrowth();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const say = (line: string) => console.log(line);

  if (config.neo4j.mode === 'local') say(`starting the local Neo4j on 127.0.0.1:${config.neo4j.port} …`);
  const graph = await openGraph(config, { log: say });
  let server: Server | undefined;
  let stopApp: (() => Promise<void>) | undefined;
  let shuttingDown = false;

  const stopAll = async () => {
    const forced = setTimeout(() => {
      console.error('error: shutdown took longer than 45s; exiting');
      process.exit(1);
    }, 45_000);
    forced.unref();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    server?.closeAllConnections();
    await stopApp?.();
    await graph.close();
  };
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say(`${signal}: shutting down …`);
    await stopAll();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // `npm start` killed by PID (not Ctrl-C, which signals the whole group) exits without
  // passing the signal on; being re-parented is the sign, so stop rather than linger.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown('parent process exited');
  }, 1000).unref();

  try {
    if (graph.local) say(`Neo4j ${graph.local.neo4jVersion} is ready at ${graph.uri} (pid ${graph.local.pid})`);
    // The loader validates the seed before writing (a bad seed changes nothing). Without
    // SEED_ON_START the API only reads: the load is a job of its own (see deploy/).
    if (config.seedOnStart) await runLoadStep(say);
    // Outages are logged once when they start and once when they end, not per request.
    // A database that comes back has an empty plan cache: plan the queries again.
    graph.db.availability.onChange(({ state, reason }) => {
      if (state === 'down') logger.error({ reason }, 'database unavailable');
      else {
        logger.info('database available again');
        void warmQueryPlans(graph.db);
      }
    });
    graph.db.startMonitoring();
    void warmQueryPlans(graph.db);
    const observability = await createObservability(graph.db, logger, config.observability);
    const app = await createServer({ db: graph.db, config, logger, observability });
    stopApp = app.stop;
    await new Promise<void>((listening, failed) => {
      server = createHttpServer(app.listener, config.http).listen(config.port, config.host, () => listening());
      server.once('error', failed);
    });
  } catch (error) {
    await graph.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${config.port} on ${config.host} is already in use; set PORT to a free port`, {
        cause: error,
      });
    }
    throw error;
  }
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  say(`GraphQL API:  ${base}/graphql`);
  say(`Playground:   ${base}/`);
  say(`Explorer:     ${base}/explorer/`);
  // Keep running until a signal arrives (shutdown exits), or until the local Neo4j is
  // lost for good: then stop serving and let runCli print the one-line reason.
  const lost = await graph.lost;
  if (shuttingDown) await new Promise(() => {});
  shuttingDown = true;
  await stopAll();
  throw lost;
});
