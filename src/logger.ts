import type { LogLevel } from './config.js';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/**
 * One JSON line per event on stderr. Secrets are cut out of every line: node-fetch puts the whole request URL,
 * bot token included, into its error messages.
 */
export function createLogger(
  level: LogLevel,
  options: { secrets?: string[]; write?: (line: string) => void; clock?: () => Date } = {},
): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length > 0);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = options.clock ?? (() => new Date());
  const log =
    (at: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}): void => {
      if (ORDER[at] < ORDER[level]) return;
      const entries = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, serialise(v)]));
      let line = JSON.stringify({ at: clock().toISOString(), level: at, message, ...entries });
      for (const s of secrets) line = line.split(s).join('[rahasia]');
      write(line);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
