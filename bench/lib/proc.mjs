/**
 * What the kernel says about a process: CPU time and resident memory, read
 * from /proc (Linux only; the bench runs on Linux). CPU time includes every
 * thread of the process (libuv's pool, the GC's helpers), which is what a
 * request really costs the machine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Clock ticks per second of utime/stime (100 almost everywhere; asked once). */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * The numeric fields of /proc/<pid>/stat after the command name (which may
 * hold spaces and parentheses, hence the split at the last ')'): index 0 is
 * field 3 (state), so field N is at N - 3.
 */
function statFields(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** User + system CPU of a live process, in milliseconds. */
export function cpuMs(pid) {
  const fields = statFields(pid);
  return ((Number(fields[14 - 3]) + Number(fields[15 - 3])) * 1000) / TICKS;
}

/** Resident set size, in KiB (VmRSS). */
export function rssKb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN);
}

/** The parent of a process (field 4 of stat). */
export function parentPid(pid) {
  return Number(statFields(pid)[4 - 3]);
}

/**
 * CPU of a process tree rooted at `pid` (the postmaster and its backends), in
 * milliseconds: the live children's own time plus the root's time and what it
 * has reaped of children that exited (cutime + cstime), so a backend that
 * ends during a pass is still counted.
 */
export function treeCpuMs(pid) {
  const fields = statFields(pid);
  let ticks = [14, 15, 16, 17].reduce((sum, field) => sum + Number(fields[field - 3]), 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const child = statFields(entry);
      if (Number(child[4 - 3]) === pid) ticks += Number(child[14 - 3]) + Number(child[15 - 3]);
    } catch {
      // the process ended between readdir and read: its time is now in the root's cutime
    }
  }
  return (ticks * 1000) / TICKS;
}
