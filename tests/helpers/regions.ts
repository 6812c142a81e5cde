import type { RegionDirectory } from '../../src/domain/regions/directory.js';
import { loadOfficialRegions } from '../../src/domain/regions/official.js';

let cached: Promise<RegionDirectory> | undefined;

/** The official list, parsed once per test file. */
export const officialRegions = (): Promise<RegionDirectory> => (cached ??= loadOfficialRegions());
