/**
 * `npm run neo4j`: runs only the project's local Neo4j, in the foreground, for tools
 * such as cypher-shell or Neo4j Browser/Desktop, or for `NEO4J_URI=… npm start` against
 * a database that outlives the API. It is supervised as under `npm start`, since an API
 * attached to it relies on it staying up. Ctrl-C stops it.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { PROJECT_ROOT, superviseConfiguredLocal } from '../graph.js';
import { runCli } from '../run-cli.js';
import { passwordFile } from './credentials.js';

runCli(async () => {
  const config = loadConfig();
  if (config.neo4j.mode !== 'local') {
    throw new Error('NEO4J_URI is set, so there is no local Neo4j to run; unset it to use the local one');
  }
  const dir = resolve(PROJECT_ROOT, config.neo4j.dir);
  const settings = config.neo4j;
  const log = (line: string) => console.log(line);
  const neo4j = await superviseConfiguredLocal(settings, log);
  console.log(`Neo4j ${neo4j.neo4jVersion} is ready at ${neo4j.uri} (pid ${neo4j.pid})`);
  console.log(`user: neo4j   password: in ${passwordFile(dir)}   data: ${resolve(dir, 'data')}`);
  console.log('Ctrl-C stops it.');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping Neo4j …`);
    await neo4j.stop();
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  throw await neo4j.gaveUp;
});
