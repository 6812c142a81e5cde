/**
 * One vocabulary for a report's revisions everywhere (/riwayat, /status, /cakupan, /lapor, the audit trail, the
 * command line): the first is the "laporan awal", each later one a "koreksi".
 */
export const revisionName = (rev: number): string => (rev <= 1 ? 'laporan awal' : `koreksi ke-${rev - 1}`);

/** `laporan awal dan 2 koreksi`, or `laporan awal, belum dikoreksi`. */
export const revisionsSummary = (count: number): string => (count <= 1 ? 'laporan awal, belum dikoreksi' : `laporan awal dan ${count - 1} koreksi`);

/** `dikoreksi 2 kali`; empty for a report never corrected. */
export const correctedTimes = (count: number): string => (count > 1 ? `dikoreksi ${count - 1} kali` : '');
