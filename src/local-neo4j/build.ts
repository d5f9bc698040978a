/**
 * Builds the Java launcher in neo4j-local/ with Maven, once: the first run downloads
 * Neo4j Community from Maven Central into ~/.m2; later runs find a stamp matching the
 * pom and sources and skip Maven entirely, so a second start takes seconds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class LocalNeo4jUnavailable extends Error {
  override name = 'LocalNeo4jUnavailable';
}

export interface LauncherBuild {
  /**
   * A java @argfile holding `-cp <launcher jar and every Neo4j jar>`: the classpath is
   * thousands of characters, and an argfile keeps it out of `ps` listings.
   */
  argFile: string;
  neo4jVersion: string;
}

const HINT =
  'set NEO4J_URI (and NEO4J_PASSWORD) to use an existing Neo4j, or run `docker compose up` (see README)';

/** Fails with one line when Java 17+ is missing. */
export function checkJava(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new LocalNeo4jUnavailable(
      `Java 17 or newer is needed to run Neo4j locally and none was found; ${HINT}`,
    );
  }
  const match = /version "(\d+)/.exec(java.stderr ?? '');
  const major = match ? Number(match[1]) : 0;
  if (major < 17) {
    throw new LocalNeo4jUnavailable(
      `Java 17 or newer is needed to run Neo4j locally, found Java ${major}; ${HINT}`,
    );
  }
}

/** Fails with one line when Java 17+ or Maven is missing. */
export function checkToolchain(): void {
  checkJava();
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new LocalNeo4jUnavailable(`Maven is needed to fetch Neo4j locally and none was found; ${HINT}`);
  }
}

export function neo4jVersionOf(launcherDir: string): string {
  const pom = readFileSync(join(launcherDir, 'pom.xml'), 'utf8');
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!match) throw new Error(`no <neo4j.version> in ${join(launcherDir, 'pom.xml')}`);
  return match[1]!;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.java'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function stampOf(launcherDir: string): string {
  const hash = createHash('sha256');
  for (const file of [join(launcherDir, 'pom.xml'), ...sourceFiles(join(launcherDir, 'src'))]) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** Builds the launcher when its sources changed since the last build; returns its classpath. */
export async function ensureLauncherBuilt(
  launcherDir: string,
  log: (line: string) => void = () => {},
): Promise<LauncherBuild> {
  const target = join(launcherDir, 'target');
  const jar = join(target, 'neo4j-local-1.0.0.jar');
  const classpathFile = join(target, 'classpath.txt');
  const stampFile = join(target, '.build-stamp');
  const stamp = stampOf(launcherDir);
  const neo4jVersion = neo4jVersionOf(launcherDir);
  const upToDate =
    existsSync(jar) &&
    existsSync(classpathFile) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === stamp;
  if (!upToDate) {
    checkToolchain();
    log(`building the local Neo4j ${neo4jVersion} launcher with Maven (the first run downloads Neo4j)…`);
    await runMaven(launcherDir, [
      '-q',
      '-B',
      '-Dstyle.color=never',
      'package',
      'dependency:build-classpath',
      `-Dmdep.outputFile=${classpathFile}`,
    ]);
    writeFileSync(stampFile, stamp);
  }
  const argFile = join(target, 'java-classpath.args');
  writeFileSync(argFile, `-cp "${jar}:${readFileSync(classpathFile, 'utf8').trim()}"\n`);
  return { argFile, neo4jVersion };
}

function runMaven(cwd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error) => reject(new LocalNeo4jUnavailable(`could not run Maven: ${error.message}`)));
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      const errorLine =
        output.split('\n').find((line) => line.includes('[ERROR]')) ?? output.trim().split('\n').pop();
      reject(
        new LocalNeo4jUnavailable(
          `Maven could not build the local Neo4j launcher: ${errorLine ?? `exit ${code}`}`,
        ),
      );
    });
  });
}
