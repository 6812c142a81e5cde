import { getProvinces, getRegencies } from 'idn-area-data';
import { createRegionDirectory, type RegionDirectory } from './directory.js';

/** The official Kemendagri list, from the idn-area-data package: never hand-copied. */
export async function loadOfficialRegions(): Promise<RegionDirectory> {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
  return createRegionDirectory(
    provinces.map((p) => ({ code: p.code, name: p.name })),
    regencies.map((r) => ({ code: r.code, name: r.name, provinceCode: r.province_code })),
  );
}
