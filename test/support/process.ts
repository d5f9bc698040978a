/** Runs the project's commands (`npm start`, `npm run seed`) as a user would, in a child process. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/graph.js';

export interface RunningCommand {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first output line matching `pattern`; rejects on exit or timeout. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** Resolves with the exit code once the command has exited. */
  exited: Promise<number | null>;
  /** Resolves once every process holding the command's output has exited and all output is read. */
  closed: Promise<void>;
  /** Sends `signal` to the whole process group, as Ctrl-C in a terminal does. */
  signalGroup(signal: NodeJS.Signals): void;
}

/** Environment for child commands: the caller's settings, none inherited from the developer's shell. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'JAVA_HOME', 'MAVEN_OPTS', 'TMPDIR', 'LANG'];
  const env: NodeJS.ProcessEnv = {};
  for (const key of keep) if (process.env[key] !== undefined) env[key] = process.env[key];
  return { ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...overrides };
}

const running = new Set<RunningCommand>();

/**
 * Stops every command the test started that is still running, with its whole process
 * group: call it in afterEach, so a failed assertion never leaves a server behind.
 */
export async function stopAllCommands(): Promise<void> {
  const commands = [...running];
  running.clear();
  for (const command of commands) command.signalGroup('SIGTERM');
  const deadline = Date.now() + 20_000;
  for (const command of commands) {
    while (processesInGroup(command.child.pid!).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    command.signalGroup('SIGKILL');
  }
}

export function runCommand(args: string[], env: NodeJS.ProcessEnv): RunningCommand {
  // detached: the command leads its own process group, so the test can signal it whole.
  const child = spawn('npm', args, {
    cwd: PROJECT_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const check of waiters) check();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  // How the command ended, for failure messages: a code, or the signal that stopped it.
  let ending = 'still running';
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      ending = signal ? `killed by ${signal}` : `exit code ${code}`;
      resolve(code);
    }),
  );
  const ended = (stream: NodeJS.ReadableStream) => new Promise<void>((resolve) => stream.once('close', () => resolve()));
  const closed = Promise.all([ended(child.stdout!), ended(child.stderr!)]).then(() => undefined);
  const command: RunningCommand = {
    child,
    output: () => output,
    exited,
    closed,
    signalGroup: (signal) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // The group is already gone.
      }
    },
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${output}`));
        }, timeoutMs);
        const check = () => {
          const line = output.split('\n').find((l) => pattern.test(l));
          if (line !== undefined) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(line);
          }
        };
        waiters.add(check);
        check();
        void exited.then(() => {
          if (!waiters.has(check)) return;
          check();
          if (waiters.has(check)) {
            clearTimeout(timer);
            waiters.delete(check);
            reject(new Error(`the command exited (${ending}) before printing ${pattern}; output:\n${output}`));
          }
        });
      }),
  };
  running.add(command);
  return command;
}

/** Command lines of live (not zombie) processes whose command line contains `needle`. */
export function processesMatching(needle: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, stat, ...args]) => pid && stat && !stat.startsWith('Z') && args.join(' ').includes(needle))
    .map((fields) => fields.join(' '));
}

/** Live (not zombie) processes in the process group `pgid` (a detached command's pid). */
export function processesInGroup(pgid: number): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, group, stat]) => pid && Number(group) === pgid && stat && !stat.startsWith('Z'))
    .map((fields) => fields.join(' '));
}
