import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TSX_LOADER = pathToFileURL(resolve(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** A clean environment: nothing of the developer's shell (no BOT_TOKEN, no DATA_DIR) leaks into the child. */
export const childEnv = (extra: Record<string, string>): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  TZ: 'UTC',
  ...extra,
});

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's entry points (`src/main.ts`, `src/cli/main.ts`) as its own Node process. */
export function startTs(script: string, args: string[], env: Record<string, string>, cwd: string): ChildProcess {
  return spawn(process.execPath, ['--import', TSX_LOADER, resolve(ROOT, script), ...args], {
    env: childEnv(env),
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for the process to end; kills it (and fails) if it hangs past `guardMs`. */
export function finished(child: ChildProcess, guardMs = 20_000): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolvePromise, reject) => {
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`process did not finish: ${stderr}`));
    }, guardMs);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

export const runTs = (script: string, args: string[], env: Record<string, string>, cwd: string): Promise<Finished> =>
  finished(startTs(script, args, env, cwd));

/** A port free on 127.0.0.1 right now (for a server the test starts, such as the bot's webhook). */
export const freePort = async (): Promise<number> => {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
};
