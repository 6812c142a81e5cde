/**
 * Names people type that the official list does not contain. Data, not logic: extend freely.
 * Keys are written as people write them; values are Kemendagri codes.
 */
export const REGION_ALIASES: Readonly<Record<string, string>> = {
  // Provinces
  NAD: '11',
  'Nanggroe Aceh Darussalam': '11',
  Sumut: '12',
  Sumbar: '13',
  Sumsel: '16',
  Babel: '19',
  'Bangka Belitung': '19',
  Kepri: '21',
  DKI: '31',
  Jakarta: '31',
  Jabar: '32',
  Jateng: '33',
  DIY: '34',
  'DI Yogyakarta': '34',
  Yogyakarta: '34',
  Jogja: '34',
  Jogjakarta: '34',
  Yogya: '34',
  Jatim: '35',
  NTB: '52',
  NTT: '53',
  Kalbar: '61',
  Kalteng: '62',
  Kalsel: '63',
  Kaltim: '64',
  Kaltara: '65',
  Sulut: '71',
  Sulteng: '72',
  Sulsel: '73',
  Sultra: '74',
  Sulbar: '76',
  Malut: '82',
  Pabar: '92',
  'Papua Barat Daya': '96',
  PBD: '96',
  // Kab/kota
  Jakpus: '31.71',
  Jakut: '31.72',
  Jakbar: '31.73',
  Jaksel: '31.74',
  Jaktim: '31.75',
  Solo: '33.72',
  // The short name officials use for Pangkalpinang.
  PKP: '19.71',
  // Spellings regions use themselves where the registry spells them otherwise ("Padang Sidempuan"). Most others
  // (Pangkalpinang, Baubau, Tolitoli, Mukomuko, Palangka Raya, Tanjungpinang, Lubuklinggau) match already, since names
  // are compared without spaces and hyphens.
  Padangsidimpuan: '12.77',
  'Padang Sidimpuan': '12.77',
};

/**
 * Names as the decree that formed the region writes them, where the registry lost their punctuation
 * ("TOJO UNA UNA"; UU 32/2003 forms "Kabupaten Tojo Una-Una"). Keyed by Kemendagri code; the value replaces the base
 * name shown (the registry's name is still matched).
 */
export const DECREE_NAMES: Readonly<Record<string, string>> = {
  '72.09': 'Tojo Una-Una',
};
