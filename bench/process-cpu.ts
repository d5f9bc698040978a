/**
 * CPU time a process has used (user + system), from Linux's /proc/<pid>/stat: on a
 * shared machine the bulk load's wall time mostly says how busy the machine was, while
 * Neo4j's CPU seconds per fact say what the writes cost.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** utime + stime, in clock ticks, from the text of /proc/<pid>/stat. */
export function cpuTicksFromStat(stat: string): number {
  // The command name (field 2) is in parentheses and may hold spaces; count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).trim().split(/\s+/);
  // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? utime + stime : Number.NaN;
}

/** CPU seconds the process has used so far, or NaN where /proc cannot be read. */
export function processCpuSeconds(pid: number): number {
  try {
    return cpuTicksFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8')) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}
