import type { RegionDirectory, Unit } from '../domain/regions/directory.js';

/** A scope typed on the command line (`nasional`, `Babel`, `19.71`); undefined when no single region answers to it. */
export function cliScope(regions: RegionDirectory, text: string): Unit | 'national' | undefined {
  if (/^(nasional|national)$/i.test(text)) return 'national';
  const resolved = regions.resolve(text);
  return resolved.kind === 'found' ? resolved.unit : resolved.kind === 'national' ? 'national' : undefined;
}
