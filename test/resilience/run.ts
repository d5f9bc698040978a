/**
 * `npm run test:resilience [-- --ci] [-- --only attacks,pool] [-- --keep]`
 *
 * Starts the service as a user would, with its own Neo4j, and runs the resilience
 * scenarios against it: hostile operations, malformed requests, injection, pool
 * exhaustion and a database kill under load. Prints the figures of each, and ends with
 * `resilience: N passed, M failed`; exits non-zero when any check failed. Everything it
 * starts is stopped before it exits, whatever happens.
 */
import { postGraphql } from './lib/http.js';
import { Ledger } from './lib/report.js';
import { Service } from './lib/service.js';
import { makeSuite, SETTINGS, type Suite } from './lib/suite.js';
import { runAttacks } from './scenarios/attacks.js';
import { runInjection } from './scenarios/injection.js';
import { runMalformed } from './scenarios/malformed.js';
import { runOutage } from './scenarios/outage.js';
import { runPool } from './scenarios/pool.js';

const SCENARIOS: Array<[string, (suite: Suite) => Promise<void>]> = [
  ['attacks', runAttacks],
  ['malformed', runMalformed],
  ['injection', runInjection],
  ['pool', runPool],
  // Last: it kills the database, and on a server that cannot bring it back nothing after would run.
  ['outage', runOutage],
];

const USAGE = `usage: npm run test:resilience -- [--ci | --quick] [--only NAME,NAME] [--keep]
  --ci, --quick  smaller counts and shorter budgets (the CI form, about 5 minutes)
  --only         run only these scenarios: ${SCENARIOS.map(([n]) => n).join(', ')}
  --keep         keep the service's temporary directory (Neo4j data and service.log)
  --bomb-max K   no fragment bomb bigger than 2^K (for development against a server that stalls)`;

function parseArgs(argv: string[]) {
  const options = { mode: 'full' as 'ci' | 'full', only: undefined as string[] | undefined, keep: false, bombMax: Infinity };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--ci' || arg === '--quick') options.mode = 'ci';
    else if (arg === '--full') options.mode = 'full';
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--bomb-max') options.bombMax = Number(argv[++i]);
    else if (arg === '--only') options.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`error: unknown option ${arg}\n${USAGE}`);
      process.exit(2);
    }
  }
  const unknown = options.only?.filter((n) => !SCENARIOS.some(([name]) => name === n)) ?? [];
  if (unknown.length) {
    console.error(`error: unknown scenario ${unknown.join(', ')}\n${USAGE}`);
    process.exit(2);
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  Service.keepDirs = options.keep;
  const base = SETTINGS[options.mode];
  const settings = {
    ...base,
    attacks: {
      ...base.attacks,
      bombKs: base.attacks.bombKs.filter((k) => k <= options.bombMax),
      typenameBombKs: base.attacks.typenameBombKs.filter((k) => k <= options.bombMax),
    },
  };
  // A hard cap on the whole run: a server that stalls in a way no budget caught must not hang CI.
  const capMs = options.mode === 'ci' ? 12 * 60_000 : 45 * 60_000;
  const ledger = new Ledger();
  const cap = setTimeout(() => {
    ledger.check('run', `the whole run ends within its ${capMs / 60_000}-minute cap`, false, 'stopping everything now');
    console.log(`\nresilience: ${ledger.passed} passed, ${ledger.failed} failed`);
    process.exit(1); // the exit handler kills the service group
  }, capMs);
  cap.unref();

  const runStarted = Date.now();
  console.log(`resilience suite, ${options.mode} mode`);
  let service: Service;
  try {
    const started = Date.now();
    service = await Service.start(settings.startTimeoutMs);
    console.log(`service up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${service.url.href}, Neo4j bolt://127.0.0.1:${service.boltPort}, dir ${service.dir}`);
  } catch (error) {
    ledger.check('start', 'the service starts', false, (error as Error).message);
    console.log(`\nresilience: ${ledger.passed} passed, ${ledger.failed} failed`);
    return 1;
  }
  const suite = makeSuite(service, ledger, settings);
  try {
    for (const [name, run] of SCENARIOS) {
      if (options.only && !options.only.includes(name)) continue;
      const started = Date.now();
      console.log(`\n=== ${name} ===`);
      if (!(await suite.ensureResponsive(`before ${name}`))) break;
      try {
        await run(suite);
      } catch (error) {
        ledger.check(name, 'the scenario runs to its end', false, (error as Error).stack ?? String(error));
      }
      console.log(`  (${name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (service.exited !== undefined) {
        ledger.check(name, 'the service stays up', false, `it exited with code ${service.exited}\n${service.tail()}`);
      }
    }
    const alive = service.exited === undefined && (await postGraphql(service.url, { query: '{ __typename }' }, 5000)).status === 200;
    if (!options.only || options.only.length > 1) ledger.check('end', 'the service still answers at the end', alive);
  } finally {
    await service.dispose();
    if (options.keep) console.log(`kept ${service.dir} (service.log, Neo4j data)`);
  }

  const failed = ledger.checks.filter((c) => !c.ok);
  console.log(`\nfailed checks:${failed.length ? '' : ' none'}`);
  for (const c of failed) console.log(`  ${c.scenario}: ${c.name}`);
  console.log(`took ${((Date.now() - runStarted) / 1000).toFixed(0)} s`);
  console.log(`resilience: ${ledger.passed} passed, ${ledger.failed} failed`);
  return ledger.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log('resilience: 0 passed, 1 failed');
    process.exit(1);
  },
);
