/** Indonesia's three time zones (Keppres 41/1987, no daylight saving), by province code. */
export type ZoneLabel = 'WIB' | 'WITA' | 'WIT';

export interface Zone {
  readonly label: ZoneLabel;
  readonly iana: string;
}

const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);
// West and Central Kalimantan are WIB; IANA names them Asia/Pontianak.
const PONTIANAK_PROVINCES = new Set(['61', '62']);

export const WIB: Zone = { label: 'WIB', iana: 'Asia/Jakarta' };

export function zoneOfProvince(provinceCode: string): Zone {
  if (WIT_PROVINCES.has(provinceCode)) return { label: 'WIT', iana: 'Asia/Jayapura' };
  if (WITA_PROVINCES.has(provinceCode)) return { label: 'WITA', iana: 'Asia/Makassar' };
  if (PONTIANAK_PROVINCES.has(provinceCode)) return { label: 'WIB', iana: 'Asia/Pontianak' };
  return WIB;
}
