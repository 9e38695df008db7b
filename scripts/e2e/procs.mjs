// Child processes in their own process groups, killed as groups on exit (even on failure, timeout or a signal).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const groups = new Set();

/** Spawns `cmd args` as the leader of a new process group; resolves nothing, returns the ChildProcess. */
export function spawnGroup(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: 'pipe', ...opts, detached: true });
  groups.add(child.pid);
  child.on('exit', () => { /* the group may still hold forked children: killAll() handles them */ });
  return child;
}

/** Runs a command in its own group, streaming its output through `onLine`; resolves { code, timedOut }. */
export function runGroup(cmd, args, { timeoutMs, onLine, ...opts } = {}) {
  return new Promise((resolve) => {
    const child = spawnGroup(cmd, args, opts);
    let timedOut = false;
    const timer = timeoutMs ? setTimeout(() => { timedOut = true; killGroup(child.pid); }, timeoutMs) : null;
    let buf = '';
    const feed = (d) => { buf += d; let i; while ((i = buf.indexOf('\n')) >= 0) { onLine?.(buf.slice(0, i)); buf = buf.slice(i + 1); } };
    child.stdout?.on('data', feed); child.stderr?.on('data', feed);
    child.on('error', (e) => { onLine?.(`spawn error: ${e.message}`); });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (buf) onLine?.(buf);
      killGroup(child.pid); // whatever it forked and left behind
      resolve({ code: code ?? (signal ? 128 : 1), signal, timedOut });
    });
  });
}

export function killGroup(pgid, signal = 'SIGTERM') {
  try { process.kill(-pgid, signal); } catch { /* gone */ }
  if (signal !== 'SIGKILL') setTimeout(() => { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } }, 2000).unref();
}

/** Kills every group this process started, at once with SIGKILL (for exit paths that cannot wait). */
export function killAllGroups(signal = 'SIGKILL') {
  for (const g of groups) { try { process.kill(-g, signal); } catch { /* gone */ } }
  groups.clear();
}

/** Processes (not this one) whose command line or working directory lies under `dir`: leftovers of a run. */
export function processesUnder(dir) {
  const found = [];
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p) || Number(p) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
      let cwd = ''; try { cwd = readlinkSync(`/proc/${p}/cwd`); } catch { /* not ours to read */ }
      const pgid = Number(readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[2]);
      if (cmd.includes(dir) || cwd.startsWith(dir)) found.push({ pid: Number(p), pgid, cmd: cmd.slice(0, 160) });
    } catch { /* exited */ }
  }
  return found;
}

/** Kills what is left of a run under `dir`: the process groups of those processes (not ours), then the rest. */
export function sweep(dir) {
  const left = processesUnder(dir);
  const own = Number(readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ')[2]);
  for (const p of left) { if (p.pgid !== own && p.pgid > 1) { try { process.kill(-p.pgid, 'SIGKILL'); } catch { /* gone */ } } }
  for (const p of left) { try { process.kill(p.pid, 'SIGKILL'); } catch { /* gone */ } }
  return left;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

const exitHooks = [];
/** Runs `fn` (synchronous) when this process exits, however it exits short of SIGKILL. */
export function onExit(fn) { exitHooks.push(fn); }
process.on('exit', () => { killAllGroups('SIGKILL'); for (const f of exitHooks) { try { f(); } catch { /* best effort */ } } });
// On a signal: SIGTERM the groups (their leaders clean up their own groups), then exit (SIGKILL the rest).
let signalled = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (signalled) return;
    signalled = true;
    for (const g of groups) { try { process.kill(-g, 'SIGTERM'); } catch { /* gone */ } }
    for (const f of signalHooks) { try { f(sig); } catch { /* best effort */ } }
    setTimeout(() => process.exit(130), 1500);
  });
}
const signalHooks = [];
/** Runs `fn(signal)` on SIGINT/SIGTERM/SIGHUP, before the process exits 1.5 s later. */
export function onSignal(fn) { signalHooks.push(fn); }
