/**
 * `npm run neo4j`: runs only the project's local Neo4j, in the foreground, for tools
 * such as cypher-shell or Neo4j Browser/Desktop, or for `NEO4J_URI=… npm start` against
 * a database that outlives the API. Ctrl-C stops it.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { PROJECT_ROOT } from '../graph.js';
import { runCli } from '../run-cli.js';
import { passwordFile } from './credentials.js';
import { startLocalNeo4j } from './process.js';

runCli(async () => {
  const config = loadConfig();
  if (config.neo4j.mode !== 'local') {
    throw new Error('NEO4J_URI is set, so there is no local Neo4j to run; unset it to use the local one');
  }
  const dir = resolve(PROJECT_ROOT, config.neo4j.dir);
  const neo4j = await startLocalNeo4j({
    launcherDir: resolve(PROJECT_ROOT, 'neo4j-local'),
    dir,
    port: config.neo4j.port,
    heapMb: config.neo4j.heapMb,
    pageCacheMb: config.neo4j.pageCacheMb,
    password: config.neo4j.password,
    log: (line) => console.log(line),
  });
  console.log(`Neo4j ${neo4j.neo4jVersion} is ready at ${neo4j.uri}`);
  console.log(`user: neo4j   password: in ${passwordFile(dir)}   data: ${resolve(dir, 'data')}`);
  console.log('Ctrl-C stops it.');
  const stop = async (signal: string) => {
    console.log(`${signal}: stopping Neo4j …`);
    await neo4j.stop();
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const code = await neo4j.exited;
  throw new Error(`Neo4j exited unexpectedly (code ${code}); see ${resolve(dir, 'logs')}`);
});
