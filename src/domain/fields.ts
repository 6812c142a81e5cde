import type { UnitKind } from './regions/directory.js';

/**
 * The weekly fields, in the order they are asked, summed and exported: the one place a field is declared. Everything
 * else (the stored schema, quick entry and its help, the CSV header, summaries, /riwayat, demo data) derives from
 * this list; the label people read lives in messages/labels.ts, keyed by `key` (a missing one is a type error).
 */
export const FIELD_REGISTRY = [
  { key: 'active_pu', quickKey: 'pu', group: 'participants', reportedBy: ['kabupaten', 'kota'], example: 38_905 },
  { key: 'active_bpu', quickKey: 'bpu', group: 'participants', reportedBy: ['kabupaten', 'kota'], example: 11_200 },
  { key: 'active_jakon', quickKey: 'jakon', group: 'participants', reportedBy: ['kabupaten', 'kota'], example: 2_205 },
  { key: 'active_pmi', quickKey: 'pmi', group: 'participants', reportedBy: ['kabupaten', 'kota'], example: 58 },
  { key: 'nonasn_total', quickKey: 'nonasn', group: 'nonasn', reportedBy: ['kabupaten', 'kota', 'provinsi'], example: 4_120 },
  // A programme: at most the non-ASN total, and shown with its share of it.
  { key: 'nonasn_jkk', quickKey: 'jkk', group: 'programme', reportedBy: ['kabupaten', 'kota', 'provinsi'], example: 4_120 },
  { key: 'nonasn_jkm', quickKey: 'jkm', group: 'programme', reportedBy: ['kabupaten', 'kota', 'provinsi'], example: 4_120 },
  { key: 'nonasn_jht', quickKey: 'jht', group: 'programme', reportedBy: ['kabupaten', 'kota', 'provinsi'], example: 1_650 },
  { key: 'nonasn_jp', quickKey: 'jp', group: 'programme', reportedBy: ['kabupaten', 'kota', 'provinsi'], example: 0 },
] as const satisfies ReadonlyArray<{
  key: string;
  /** What people type in quick entry: `/lapor pu=38.905 ...`. */
  quickKey: string;
  /** participants count towards coverage; nonasn is the non-ASN total; a programme is a share of it. */
  group: 'participants' | 'nonasn' | 'programme';
  reportedBy: readonly UnitKind[];
  /** A realistic value, for examples in questions and help. */
  example: number;
}>;

export type FieldSpec = (typeof FIELD_REGISTRY)[number];
export type FieldKey = FieldSpec['key'];
export type ParticipantField = Extract<FieldSpec, { group: 'participants' }>['key'];
export type ProgrammeField = Extract<FieldSpec, { group: 'programme' }>['key'];
export type NonAsnField = Extract<FieldSpec, { group: 'nonasn' | 'programme' }>['key'];

const keysWhere = <K extends FieldKey>(pick: (f: FieldSpec) => boolean): readonly K[] => FIELD_REGISTRY.filter(pick).map((f) => f.key as K);

export const ALL_FIELDS: readonly FieldKey[] = FIELD_REGISTRY.map((f) => f.key);
export const PARTICIPANT_FIELDS = keysWhere<ParticipantField>((f) => f.group === 'participants');
export const NONASN_FIELDS = keysWhere<NonAsnField>((f) => f.group !== 'participants');
export const NONASN_PROGRAMMES = keysWhere<ProgrammeField>((f) => f.group === 'programme');

export const fieldSpec = (key: FieldKey): FieldSpec => FIELD_REGISTRY.find((f) => f.key === key) as FieldSpec;

/** The fields a kind of unit reports: a province unit only its own non-ASN (its participants are its kab/kota's). */
export const fieldsFor = (kind: UnitKind): readonly FieldKey[] =>
  FIELD_REGISTRY.filter((f) => (f.reportedBy as readonly UnitKind[]).includes(kind)).map((f) => f.key);

/** Short keys people type in one message. */
export const QUICK_KEYS: Readonly<Record<string, FieldKey>> = Object.fromEntries(FIELD_REGISTRY.map((f) => [f.quickKey, f.key]));

export const quickKeyOf = (field: FieldKey): string => fieldSpec(field).quickKey;

/** The header of the weekly-report CSV: what the command line imports and exports. */
export const REPORT_CSV_HEADER = ['region_code', 'week', ...ALL_FIELDS] as const;
