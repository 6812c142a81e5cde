import { beforeAll, describe, expect, it } from 'vitest';
import type { RegionDirectory, Resolution, Unit } from '../../src/domain/regions/directory.js';
import { joinSpacedLetters, properCase } from '../../src/domain/regions/names.js';
import { officialRegions } from '../helpers/regions.js';
import { getProvinces, getRegencies } from 'idn-area-data';

let regions: RegionDirectory;
beforeAll(async () => {
  regions = await officialRegions();
});

const found = (r: Resolution): string | undefined => (r.kind === 'found' ? r.unit.code : undefined);
const choices = (r: Resolution): string[] =>
  r.kind === 'ambiguous' ? r.candidates.map((u) => u.code) : r.kind === 'not_found' ? r.suggestions.map((u) => u.code) : [];

describe('the official list', () => {
  it('has 38 provinces and 514 kab/kota: 416 kabupaten and 98 kota', () => {
    expect(regions.provinces).toHaveLength(38);
    expect(regions.regencies).toHaveLength(514);
    expect(regions.regencies.filter((u) => u.kind === 'kabupaten')).toHaveLength(416);
    expect(regions.regencies.filter((u) => u.kind === 'kota')).toHaveLength(98);
  });

  it('shows proper names with their kind', () => {
    expect(regions.get('19.71')?.name).toBe('Kota Pangkal Pinang');
    expect(regions.get('19.04')?.name).toBe('Kabupaten Bangka Tengah');
    expect(regions.get('19')?.name).toBe('Provinsi Kepulauan Bangka Belitung');
    expect(regions.get('31')?.name).toBe('Provinsi DKI Jakarta');
    expect(properCase('KOTA B A T A M')).toBe('Kota Batam');
    expect(joinSpacedLetters('KOTA B A T A M')).toBe('KOTA BATAM');
  });

  it('puts each province in its time zone', () => {
    expect(regions.get('19.71')?.zone.label).toBe('WIB');
    expect(regions.get('61.71')?.zone).toEqual({ label: 'WIB', iana: 'Asia/Pontianak' });
    expect(regions.get('73.71')?.zone.label).toBe('WITA');
    expect(regions.get('51')?.zone.label).toBe('WITA');
    expect(regions.get('91.71')?.zone.label).toBe('WIT');
    expect(regions.get('82')?.zone.label).toBe('WIT');
  });
});

describe('resolving what people type', () => {
  it.each([
    ['Pangkalpinang', '19.71'],
    ['pangkal pinang', '19.71'],
    ['PANGKAL-PINANG', '19.71'],
    ['Kota Pangkalpinang', '19.71'],
    ['Pemkot Pangkalpinang', '19.71'],
    ['19.71', '19.71'],
    ['1971', '19.71'],
    ['Kab. Bangka', '19.01'],
    ['Kab Bangka Tengah', '19.04'],
    ['Kabupaten Bandung', '32.04'],
    ['Kota Bandung', '32.73'],
    ['Pemkab Bandung', '32.04'],
    ['Babel', '19'],
    ['Kepri', '21'],
    ['Jabar', '32'],
    ['Jateng', '33'],
    ['Jatim', '35'],
    ['DIY', '34'],
    ['DKI', '31'],
    ['Sumut', '12'],
    ['NTB', '52'],
    ['NTT', '53'],
    ['Kalbar', '61'],
    ['Kaltim', '64'],
    ['Sulsel', '73'],
    ['Malut', '82'],
    ['Pabar', '92'],
    ['PBD', '96'],
    ['Prov. Jawa Barat', '32'],
    ['Pemprov Babel', '19'],
    ['Tanjungpinang', '21.72'],
    ['Kotabaru', '63.02'],
    ['Kota Kotamobagu', '71.74'],
    ['Jakarta Pusat', '31.71'],
    ['Solo', '33.72'],
    ['19', '19'],
  ])('%s -> %s', (query, code) => {
    expect(found(regions.resolve(query))).toBe(code);
  });

  it('never confuses Pangkal Pinang with Tanjung Pinang', () => {
    expect(found(regions.resolve('Pinang'))).toBeUndefined();
    expect(found(regions.resolve('Tanjung Pinang'))).toBe('21.72');
  });

  it('asks which Bandung: kabupaten, kota, and Bandung Barat', () => {
    const r = regions.resolve('Bandung');
    expect(r.kind).toBe('ambiguous');
    expect(choices(r)).toEqual(['32.04', '32.73', '32.17']);
  });

  it('asks which Bangka, the kabupaten named exactly first, the province included', () => {
    const r = regions.resolve('Bangka');
    expect(r.kind).toBe('ambiguous');
    expect(choices(r)[0]).toBe('19.01');
    expect(choices(r)).toEqual(expect.arrayContaining(['19.03', '19.04', '19.05', '19']));
  });

  it('suggests for typos and finds nothing for nonsense', () => {
    const typo = regions.resolve('Pangkalpinag');
    expect(typo.kind).toBe('not_found');
    expect(choices(typo)).toContain('19.71');
    expect(choices(regions.resolve('Surabya'))).toContain('35.78');
    expect(regions.resolve('xyzzy qwerty')).toEqual({ kind: 'not_found', suggestions: [] });
    expect(regions.resolve('99.99')).toEqual({ kind: 'not_found', suggestions: [] });
  });

  it('knows the national view and an empty query', () => {
    expect(regions.resolve('nasional').kind).toBe('national');
    expect(regions.resolve('Indonesia').kind).toBe('national');
    expect(regions.resolve('  ').kind).toBe('empty');
  });

  it('caps the buttons and says how many were left out', () => {
    const r = regions.resolve('Aceh');
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.candidates[0]?.code).toBe('11');
    expect(r.candidates.length).toBeLessThanOrEqual(10);
    expect(r.more).toBeGreaterThan(0);
  });
});

describe('every one of the 552 official names', () => {
  const includes = (r: Resolution, unit: Unit): boolean =>
    (r.kind === 'found' && r.unit.code === unit.code) ||
    (r.kind === 'ambiguous' && r.candidates.some((c) => c.code === unit.code));

  it('resolves as written, and with its spaces removed, to that unit or a choice that includes it', async () => {
    const officialNames = [
      ...(await getProvinces()).map((p) => ({ code: p.code, name: p.name })),
      ...(await getRegencies()).map((r) => ({ code: r.code, name: r.name })),
    ];
    expect(officialNames).toHaveLength(552);
    const failures: string[] = [];
    for (const { code, name } of officialNames) {
      const unit = regions.get(code);
      if (!unit) {
        failures.push(`${code} missing`);
        continue;
      }
      for (const query of [name, name.replace(/\s+/g, ''), unit.name, unit.baseName]) {
        if (!includes(regions.resolve(query), unit)) failures.push(`${query} -> not ${code}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('names as regions write them', () => {
  it('keeps "dan" lower case and the decree’s hyphens', () => {
    expect(regions.get('73.10')?.name).toBe('Kabupaten Pangkajene dan Kepulauan');
    expect(regions.get('72.09')?.name).toBe('Kabupaten Tojo Una-Una');
    expect(regions.get('72.09')?.baseName).toBe('Tojo Una-Una');
    expect(properCase('DAN')).toBe('Dan');
  });

  it('accepts the spellings regions use themselves, abbreviations and short names', () => {
    const expected: Record<string, string> = {
      Pangkalpinang: '19.71',
      PKP: '19.71',
      Baubau: '74.72',
      Tolitoli: '72.04',
      Mukomuko: '17.06',
      'Palangka Raya': '62.71',
      Tanjungpinang: '21.72',
      Lubuklinggau: '16.73',
      Padangsidimpuan: '12.77',
      'Kota Padang Sidimpuan': '12.77',
      'Tojo Una Una': '72.09',
      'Tojo Una-Una': '72.09',
      'Prov. Kep. Bangka Belitung': '19',
      'Kep. Riau': '21',
      'Kab. Kep. Selayar': '73.01',
    };
    for (const [typed, code] of Object.entries(expected)) expect(found(regions.resolve(typed)), typed).toBe(code);
  });
});
