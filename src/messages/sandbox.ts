/** What the sandbox's terminal chat says about itself (not the bot's own words). */

/** The short answer to a button press, as Telegram shows it on top of the chat (or in a box, for an alert). */
export const toastLine = (text: string, alert: boolean): string => (alert ? `  [jendela pemberitahuan] ${text}` : `  [pemberitahuan singkat] ${text}`);

export const SANDBOX_ROLE_WORDS = {
  admin: 'admin',
  staff: 'petugas',
  coordinator: 'koordinator',
  viewer: 'pemantau',
} as const;

export const personaText = {
  usage: (): string =>
    [
      'Ganti orang yang Anda perankan:',
      '  /sebagai petugas Pangkalpinang     petugas sebuah unit (kab/kota, atau pemerintah provinsi: /sebagai petugas Prov. Babel)',
      '  /sebagai koordinator Babel         koordinator sebuah provinsi, atau /sebagai koordinator nasional',
      '  /sebagai pemantau nasional         pemantau nasional, sebuah provinsi, atau sebuah unit',
      '  /sebagai admin                     kembali sebagai admin',
    ].join('\n'),
  switched: (who: string): string => `(Sekarang Anda berperan sebagai ${who}. Pesan untuk orang lain tampil ringkas.)`,
  notFound: (name: string, hints: string[]): string =>
    `(Wilayah “${name}” tidak ditemukan${hints.length > 0 ? `; mungkin: ${hints.join(', ')}` : ''}.)`,
  ambiguous: (name: string, choices: string[]): string => `(Ada beberapa wilayah “${name}”: ${choices.join(', ')}. Mohon tulis lebih lengkap.)`,
  staffNeedsUnit: (): string => '(Petugas selalu milik satu unit: sebuah kabupaten/kota atau pemerintah provinsi, bukan nasional.)',
  coordinatorNeedsProvince: (name: string): string =>
    `(Koordinator memegang sebuah provinsi atau nasional; ${name} adalah kabupaten/kota. Coba /sebagai koordinator dengan nama provinsinya.)`,
  needsRegion: (role: string): string => `(Sebutkan wilayahnya, misalnya /sebagai ${role} Babel.)`,
};
