import { NATIONAL, type Role, type Scope } from '../domain/access.js';
import { formatCount, formatDateTime, formatWeekShort } from '../domain/format.js';
import type { WeekKey } from '../domain/weeks.js';
import type { RegionDirectory } from '../domain/regions/directory.js';
import { WIB } from '../domain/zones.js';
import type { AccessRequest, AuditEntry, User } from '../domain/records.js';
import { revisionName } from './revisions.js';
import type { RejectReason } from '../domain/requests.js';
import { periodText } from './rekap.js';
import { isReturnReason, RETURN_REASON_TEXT } from './verification.js';
import { profileAuditText } from './profile.js';
import { bold, code, html, italic, lines, type Html } from './html.js';
import { isFollowupStatus } from '../domain/followups.js';
import { FOLLOWUP_STATUS_LABELS } from './followups.js';
import { formatTargetPct } from './target-format.js';

export const ROLE_LABELS: Record<Role | 'admin', string> = {
  admin: 'admin',
  coordinator: 'koordinator',
  staff: 'petugas',
  viewer: 'pemantau',
};

/** What each role is for, as the buttons of the invite and request flows say it. */
export const ROLE_CHOICES: Record<Role, string> = {
  coordinator: 'Koordinator (provinsi/nasional)',
  staff: 'Petugas Disnaker (mengirim laporan)',
  viewer: 'Pemantau (melihat data)',
};

/** Typed answers accepted where a role button is offered. */
export function parseRole(text: string): Role | undefined {
  const t = text.trim().toLowerCase();
  if (/^(koordinator|coordinator)\b/.test(t)) return 'coordinator';
  if (/^(petugas|staff|operator)\b/.test(t)) return 'staff';
  if (/^(pemantau|viewer|pimpinan|pejabat)\b/.test(t)) return 'viewer';
  return undefined;
}

export const scopeLabel = (scope: Scope, regions: RegionDirectory): string =>
  scope === NATIONAL ? 'nasional' : (regions.get(scope)?.name ?? scope);

/** "petugas Kota Pangkal Pinang"; a province's own staff work for its government: "petugas Pemerintah Provinsi …". */
export const roleAndScope = (role: Role, scope: Scope, regions: RegionDirectory): string =>
  `${ROLE_LABELS[role]} ${scope === NATIONAL ? 'nasional' : `${role === 'staff' && regions.get(scope)?.kind === 'provinsi' ? 'Pemerintah ' : ''}${scopeLabel(scope, regions)}`}`;

/** A person as others should know them: "Rina (koordinator Provinsi Kepulauan Bangka Belitung)". */
export function personWithRole(
  name: string,
  who: { role: Role; scope: Scope } | { role: 'admin' } | undefined,
  regions: RegionDirectory,
): string {
  if (!who) return name;
  return `${name} (${who.role === 'admin' ? 'admin UC Bot' : roleAndScope(who.role, who.scope, regions)})`;
}

const personLabel = (p: { name: string; telegramId: number | null; username?: string | undefined }): Html =>
  html`${p.name}${p.username ? ` (@${p.username})` : ''}${p.telegramId !== null ? html`, ID ${code(p.telegramId)}` : ''}`;

// ---- shared -----------------------------------------------------------------------------------------------------

export const privateOnlyMessage = (botUsername: string): Html =>
  html`Mohon gunakan perintah ini di percakapan pribadi dengan bot: buka @${botUsername}.`;

export const groupOnlyMessage = (): Html =>
  html`Perintah ini digunakan di dalam grup. Tambahkan bot ke grup kantor Bapak/Ibu, lalu kirim perintahnya di sana.`;

export const notAllowedMessage = (): Html =>
  html`Mohon maaf, perintah ini tidak tersedia untuk peran Bapak/Ibu.`;

export const outOfScopeMessage = (what: string): Html =>
  html`Mohon maaf, ${what} berada di luar wilayah akses Bapak/Ibu.`;

/** After an answer a flow cannot take: what the person can do next, so the flow never waits in silence. */
export const typeAnotherRegionHint = (): Html =>
  html`Silakan ketik nama wilayah lain yang termasuk wilayah akses Bapak/Ibu, atau ketik ${bold('/batal')} untuk membatalkan.`;

export const flowCancelledMessage = (): Html => html`Baik, proses dibatalkan. Tidak ada yang disimpan.`;
export const noFlowMessage = (): Html => html`Tidak ada proses yang sedang berjalan.`;

export const expiredButtonAnswer = 'Mohon maaf, tombol ini sudah tidak berlaku.';
export const noAccessAnswer = 'Mohon maaf, Bapak/Ibu tidak memiliki akses untuk tindakan ini.';

// ---- invites ----------------------------------------------------------------------------------------------------

export const inviteAskRoleMessage = (): Html =>
  lines(bold('Membuat tautan undangan'), 'Peran apa yang akan diberikan? Pilih tombol atau ketik nama perannya.', italic('Ketik /batal untuk membatalkan.'));

export const inviteAskScopeMessage = (role: Role): Html => {
  const hint: Record<Role, string> = {
    coordinator: 'Ketik nama provinsi (misalnya Babel) atau “nasional”.',
    staff: 'Ketik nama kabupaten/kota atau provinsi yang laporannya akan dikirim petugas ini (misalnya Pangkalpinang).',
    viewer: 'Ketik nama kabupaten/kota, provinsi, atau “nasional”.',
  };
  return lines(html`Peran: ${bold(ROLE_LABELS[role])}.`, hint[role]);
};

export const inviteRoleNotUnderstood = (): Html => html`Mohon pilih salah satu peran dengan tombol, atau ketik “petugas” atau “pemantau”.`;

export const nationalNotForRoleMessage = (): Html =>
  html`Peran ini tidak dapat diberikan untuk cakupan nasional. Mohon ketik nama wilayahnya.`;

export const staffNeedsUnitMessage = (): Html =>
  html`Petugas ditetapkan untuk satu unit pelapor. Mohon ketik nama kabupaten/kota atau provinsinya.`;

export const alreadyRegisteredMessage = (): Html =>
  html`Bapak/Ibu sudah terdaftar, sehingga tidak perlu mengajukan permohonan akses. Ketik ${bold('/bantuan')} untuk melihat apa saja yang dapat Bapak/Ibu lakukan.`;

export const askRegionNameMessage = (): Html => html`Mohon ketik nama wilayahnya, misalnya Pangkalpinang.`;

export const coordinatorScopeMessage = (): Html =>
  html`Koordinator ditetapkan untuk satu provinsi atau nasional. Mohon ketik nama provinsi atau “nasional”.`;

export function inviteCreatedMessage(link: string, role: Role, scope: Scope, expiresAt: Date, regions: RegionDirectory): Html {
  return lines(
    bold('Tautan undangan siap'),
    html`Untuk: ${bold(roleAndScope(role, scope, regions))}`,
    html`Berlaku sekali pakai sampai ${formatDateTime(expiresAt, WIB)}.`,
    '',
    link,
    '',
    'Kirimkan tautan ini hanya kepada orang yang dituju. Siapa pun yang membukanya lebih dulu akan mendapat peran tersebut.',
  );
}

export const inviteUnknownMessage = (): Html =>
  html`Mohon maaf, tautan undangan ini tidak dikenal. Mohon periksa kembali tautannya, atau minta tautan baru kepada koordinator.`;
export const inviteUsedMessage = (): Html =>
  html`Mohon maaf, tautan undangan ini sudah dipakai. Setiap tautan hanya berlaku satu kali; mohon minta tautan baru kepada koordinator.`;
export const inviteExpiredMessage = (expiredAt: Date): Html =>
  html`Mohon maaf, tautan undangan ini sudah kedaluwarsa sejak ${formatDateTime(expiredAt, WIB)}. Mohon minta tautan baru kepada koordinator.`;
export const inviteAdminMessage = (): Html =>
  html`Bapak/Ibu sudah terdaftar sebagai admin, jadi tautan undangan ini tidak dipakai dan tetap dapat diberikan kepada orang lain.`;

export function joinedMessage(firstName: string, role: Role, scope: Scope, regions: RegionDirectory, replaced: boolean): Html {
  return lines(
    html`Selamat bergabung, ${firstName}. Bapak/Ibu kini terdaftar sebagai ${bold(roleAndScope(role, scope, regions))}.`,
    replaced ? 'Peran Bapak/Ibu sebelumnya telah diganti dengan peran ini.' : undefined,
    html`Ketik ${bold('/bantuan')} untuk melihat apa saja yang dapat Bapak/Ibu lakukan.`,
  );
}

export const inviterNoticeMessage = (who: { name: string; telegramId: number; username?: string }, role: Role, scope: Scope, regions: RegionDirectory): Html =>
  html`${personLabel(who)} telah bergabung melalui undangan Bapak/Ibu sebagai ${bold(roleAndScope(role, scope, regions))}.`;

// ---- access requests --------------------------------------------------------------------------------------------

export const requestOfferLabel = 'Ajukan permohonan akses';

export const requestAskRoleMessage = (): Html =>
  lines(bold('Permohonan akses'), 'Bapak/Ibu memerlukan akses sebagai apa?', italic('Ketik /batal untuk membatalkan.'));

export const requestAskScopeMessage = (role: Role): Html =>
  html`Peran: ${bold(ROLE_LABELS[role])}. Mohon ketik nama kabupaten/kota atau provinsi instansi Bapak/Ibu (misalnya Pangkalpinang)${role === 'viewer' ? ', atau “nasional”' : ''}.`;

export const requestPendingMessage = (r: AccessRequest, regions: RegionDirectory): Html =>
  html`Permohonan Bapak/Ibu sebagai ${bold(roleAndScope(r.role, r.scope, regions))} sedang menunggu persetujuan. Bapak/Ibu akan diberi tahu hasilnya.`;

export const requestSentMessage = (r: AccessRequest, regions: RegionDirectory, approvers: number): Html =>
  approvers > 0
    ? html`Permohonan akses sebagai ${bold(roleAndScope(r.role, r.scope, regions))} telah dikirim kepada ${approvers} admin/koordinator. Bapak/Ibu akan diberi tahu hasilnya.`
    : html`Permohonan akses sebagai ${bold(roleAndScope(r.role, r.scope, regions))} telah dicatat. Saat ini belum ada admin atau koordinator yang dapat dihubungi; mohon sampaikan juga kepada koordinator wilayah Bapak/Ibu.`;

export const requestForApproverMessage = (r: AccessRequest, regions: RegionDirectory): Html =>
  lines(
    bold('Permohonan akses baru'),
    html`${personLabel(r.requester)} meminta peran ${bold(roleAndScope(r.role, r.scope, regions))}.`,
    html`Diajukan ${formatDateTime(new Date(r.createdAt), WIB)}.`,
  );

/** Why a request was rejected, as the person who asked reads it. */
export const REJECT_REASON_TEXT: Record<RejectReason, string> = {
  not_staff: 'Bapak/Ibu tidak tercatat sebagai petugas unit tersebut',
  seat_taken: 'unit tersebut sudah memiliki petugas pelapor',
  identity: 'identitas pemohon belum dapat dipastikan',
  other: 'alasan lain; mohon hubungi koordinator wilayah Bapak/Ibu',
};

export const APPROVE_LABEL = 'Setujui';
export const REJECT_LABEL = 'Tolak';
export const BACK_LABEL = 'Kembali';

/** The buttons an approver chooses a reason with. */
export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  not_staff: 'Bukan petugas unit itu',
  seat_taken: 'Unit sudah punya petugas',
  identity: 'Identitas belum pasti',
  other: 'Alasan lain',
};

export const requestRejectReasonMessage = (r: AccessRequest, regions: RegionDirectory): Html =>
  lines(requestForApproverMessage(r, regions), '', bold('Apa alasan penolakannya?'), 'Alasan ini disampaikan kepada pemohon.');

export const requestDecidedForApproverMessage = (r: AccessRequest, regions: RegionDirectory): Html =>
  lines(
    requestForApproverMessage(r, regions),
    html`${bold(r.status === 'approved' ? 'Disetujui' : 'Ditolak')} oleh ${r.decidedBy?.name ?? '-'}${r.status === 'rejected' && r.reason ? ` (alasan: ${REJECT_REASON_TEXT[r.reason]})` : ''}.`,
  );

export const requestAlreadyDecidedAnswer = 'Permohonan ini sudah diputuskan sebelumnya.';

export const requestApprovedMessage = (r: AccessRequest, regions: RegionDirectory): Html =>
  lines(
    html`Permohonan akses Bapak/Ibu telah ${bold('disetujui')}. Bapak/Ibu kini terdaftar sebagai ${bold(roleAndScope(r.role, r.scope, regions))}.`,
    html`Ketik ${bold('/bantuan')} untuk melihat apa saja yang dapat Bapak/Ibu lakukan.`,
  );

export const requestRejectedMessage = (r: AccessRequest, regions: RegionDirectory): Html =>
  lines(
    html`Mohon maaf, permohonan akses Bapak/Ibu sebagai ${bold(roleAndScope(r.role, r.scope, regions))} ${bold('belum dapat disetujui')}.`,
    r.reason ? html`Alasan: ${REJECT_REASON_TEXT[r.reason]}.` : undefined,
    'Untuk keterangan lebih lanjut, mohon hubungi koordinator wilayah Bapak/Ibu.',
  );

// ---- people -----------------------------------------------------------------------------------------------------

export function usersListMessage(users: User[], regions: RegionDirectory): Html {
  if (users.length === 0) return html`Belum ada pengguna terdaftar di wilayah Bapak/Ibu.`;
  return lines(
    bold(`Pengguna terdaftar (${users.length})`),
    ...users.map((u) => html`• ${personLabel(u)}: ${roleAndScope(u.role, u.scope, regions)}`),
    '',
    html`Mencabut akses: ${bold('/cabut')} ${code('ID')} · Mengalihkan tugas petugas kepada orang lain: ${bold('/alihkan')} ${code('ID')}`,
  );
}

export const userCommandUsage = (command: string): Html =>
  html`Mohon sertakan ID Telegram penggunanya, misalnya ${bold(`/${command} 123456789`)}. Daftar ID dapat dilihat dengan /pengguna.`;

export const userNotFoundMessage = (id: number): Html => html`Tidak ada pengguna aktif dengan ID ${code(id)}.`;

export const confirmRevokeMessage = (u: User, regions: RegionDirectory): Html =>
  html`Cabut akses ${personLabel(u)} sebagai ${bold(roleAndScope(u.role, u.scope, regions))}?`;

export const confirmHandoverMessage = (u: User, regions: RegionDirectory): Html =>
  lines(
    html`Alihkan tugas ${bold(roleAndScope(u.role, u.scope, regions))} dari ${personLabel(u)} kepada orang lain?`,
    'Akses orang ini dicabut dan Bapak/Ibu menerima tautan undangan untuk penggantinya. Data unit dan riwayat laporannya tetap tersimpan.',
  );

export const handoverOnlyStaffMessage = (): Html =>
  html`Pengalihan tugas hanya untuk petugas unit pelapor. Untuk peran lain, gunakan /cabut lalu /undang.`;

export const revokedMessage = (u: User, regions: RegionDirectory): Html =>
  html`Akses ${personLabel(u)} sebagai ${bold(roleAndScope(u.role, u.scope, regions))} telah dicabut.`;

export const revokedNoticeMessage = (): Html =>
  html`Akses Bapak/Ibu ke UC Bot telah dicabut oleh koordinator. Bila ini keliru, mohon hubungi koordinator wilayah Bapak/Ibu.`;

export const cancelledMessage = (): Html => html`Dibatalkan; tidak ada yang diubah.`;

// ---- groups -----------------------------------------------------------------------------------------------------

/**
 * /hubungkan in a private chat: it links the group it is sent in, so say how to do it there, with the person's own
 * unit (or province) as the example, and which groups already receive that unit's reminders.
 */
export const linkInPrivateMessage = (target: { name: string; example: string } | undefined, linkedGroups: readonly string[]): Html =>
  lines(
    html`Perintah ${bold('/hubungkan')} dikirim di grup Telegram kantor, bukan di percakapan pribadi ini:`,
    html`1. Tambahkan bot ini ke grup kantor Bapak/Ibu.`,
    html`2. Di grup itu, kirim ${bold(`/hubungkan ${target?.example ?? 'nama unit'}`)}.`,
    html`Setelah itu pengingat dan pengumuman untuk unit tersebut juga dikirim ke grup itu.`,
    target
      ? linkedGroups.length > 0
        ? html`Grup yang kini terhubung dengan ${target.name}: ${linkedGroups.join(', ')}.`
        : html`Saat ini belum ada grup yang terhubung dengan ${target.name}.`
      : undefined,
  );

export const linkUsageMessage = (): Html =>
  html`Ketik ${bold('/hubungkan')} diikuti nama unit, misalnya ${bold('/hubungkan Pangkalpinang')}.`;

export const linkedMessage = (unitName: string, previous: string | undefined): Html =>
  lines(
    html`Grup ini kini terhubung dengan ${bold(unitName)}. Pengingat dan pengumuman untuk unit ini akan dikirim ke grup ini.`,
    previous ? html`Hubungan sebelumnya dengan ${previous} telah diakhiri.` : undefined,
  );

export const unlinkedMessage = (unitName: string): Html =>
  html`Hubungan grup ini dengan ${bold(unitName)} telah diakhiri. Pengingat untuk unit tersebut tidak lagi dikirim ke sini.`;

/** How a group linked to the nation (the national coordinators' group) is named. */
export const NATIONAL_NAME = 'Nasional (koordinator nasional)';

export const notLinkedMessage = (): Html => html`Grup ini belum terhubung dengan unit mana pun.`;

// ---- audit ------------------------------------------------------------------------------------------------------

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isRole = (v: unknown): v is Role => v === 'coordinator' || v === 'staff' || v === 'viewer';

/** One audit entry in words: who did what to whom, where. Every action has its words: a missing one is a type error. */
function describeEntry(e: AuditEntry, regions: RegionDirectory): string {
  const d = e.details ?? {};
  const role = isRole(d.role) && typeof d.scope === 'string' ? roleAndScope(d.role, d.scope, regions) : '';
  const target = str(d.target) ?? '';
  const unit = e.unitCode ? scopeLabel(e.unitCode, regions) : '';
  const week = e.week ? formatWeekShort(e.week as WeekKey) : '';
  const title = str(d.title) ?? '';
  const at = (v: unknown): string => (typeof v === 'string' ? formatDateTime(new Date(v), WIB) : '');
  const revision = typeof d.rev === 'number' ? ` (${revisionName(d.rev)})` : '';
  switch (e.action) {
    case 'report.submit':
      return `mengirim laporan ${unit}, ${week}`;
    case 'report.correct':
      return `mengoreksi laporan ${unit}, ${week}${revision}`;
    case 'baseline.set':
      return `menetapkan data penduduk bekerja ${unit}${typeof d.year === 'number' ? ` tahun ${d.year}` : ''}${typeof d.to === 'number' ? `: ${typeof d.from === 'number' ? `${formatCount(d.from)} → ` : ''}${formatCount(d.to)}` : ''}`;
    case 'user.grant':
      return `memberi peran ${role} kepada ${target}`;
    case 'user.revoke':
      return `mencabut akses ${target} (${role})${d.handover === true ? ' untuk dialihkan' : ''}`;
    case 'invite.create':
      return `membuat undangan ${role}`;
    case 'invite.use':
      return `bergabung sebagai ${role} lewat undangan ${str(d.invitedBy) ?? ''}`.trim();
    case 'access.request':
      return `mengajukan permohonan akses ${role}`;
    case 'access.approve':
      return `menyetujui permohonan ${target} (${role})`;
    case 'access.reject':
      return `menolak permohonan ${target} (${role})${str(d.reason) ? `, alasan: ${str(d.reason)}` : ''}`;
    case 'chat.link':
      return `menghubungkan grup “${target}” dengan ${unit || 'nasional'}`;
    case 'chat.unlink':
      return `memutus hubungan grup “${target}” dengan ${unit || 'nasional'}`;
    case 'chat.removed':
      return `mengeluarkan bot dari grup “${target}” (${unit})`;
    case 'chat.migrate':
      return `grup “${target}” (${unit}) menjadi supergrup`;
    case 'broadcast.create':
      return `${typeof d.notBefore === 'string' ? `menjadwalkan pengumuman untuk ${at(d.notBefore)}` : 'mengirim pengumuman'} kepada ${str(d.audience) ?? 'peserta'}${typeof d.chats === 'number' ? ` (${d.chats} penerima)` : ''}`;
    case 'session.create':
      return `menjadwalkan sesi monitoring “${title}” pada ${at(d.startsAt)}`;
    case 'session.reschedule':
      return `memindahkan jadwal sesi monitoring${title ? ` “${title}”` : ''} dari ${at(d.from)} ke ${at(d.to)}`;
    case 'session.cancel':
      return `membatalkan sesi monitoring “${title}”`;
    case 'holiday.add':
      return `mencatat ${str(d.date) ?? ''} sebagai hari libur (${str(d.name) ?? ''})${str(d.province) ? ` untuk provinsi ${str(d.province) ?? ''}` : ''}`;
    case 'holiday.remove':
      return `menghapus ${str(d.date) ?? ''} dari hari libur${str(d.province) ? ` provinsi ${str(d.province) ?? ''}` : ''}`;
    case 'profile.regulation':
    case 'profile.budget':
    case 'profile.villages':
    case 'profile.kendala':
    case 'profile.kendala_close':
    case 'profile.remove':
      return profileAuditText(e.action, d, unit);
    case 'report.verify':
      return `memverifikasi laporan ${unit}, ${week}${revision}`;
    case 'report.return':
      return `mengembalikan laporan ${unit}, ${week}${revision} kepada petugas${isReturnReason(d.reason) ? `, alasan: ${RETURN_REASON_TEXT[d.reason]}` : ''}`;
    case 'person.pseudonymise':
      return `menyamarkan data seseorang atas permintaannya (UU 27/2022) sebagai ${target}`;
    case 'notulen.record':
      return `mencatat notulen sesi monitoring “${title}”${typeof d.items === 'number' ? ` dengan ${d.items} tindak lanjut` : ''}`;
    case 'followup.update':
      return `memperbarui tindak lanjut “${str(d.what) ?? ''}” ${unit}: ${isFollowupStatus(d.status) ? FOLLOWUP_STATUS_LABELS[d.status] : ''}${d.document === true ? ' (dengan dokumen)' : ''}`;
    case 'followup.close':
      return `menutup tindak lanjut “${str(d.what) ?? ''}” ${unit}`;
    case 'followup.reopen':
      return `membuka kembali tindak lanjut “${str(d.what) ?? ''}” ${unit}`;
    case 'nudge.send':
      return `mengingatkan ${typeof d.units === 'number' ? `${d.units} ` : ''}unit yang belum melapor sebelum sesi “${title}”`;
    case 'attendance.export':
      return `mengekspor kehadiran sesi “${title}”`;
    case 'target.set':
      return `mencatat target ${unit || 'nasional'} tahun ${typeof d.year === 'number' ? d.year : ''}: ${typeof d.bp === 'number' ? formatTargetPct(d.bp) : ''}${typeof d.previousBp === 'number' ? ` (sebelumnya ${formatTargetPct(d.previousBp)})` : ''}, sumber ${str(d.source) ?? ''}${str(d.via) === 'import' ? ' (impor CSV)' : ''}`;
    case 'target.main':
      return `menjadikan ${str(d.source) ?? ''} target utama ${unit || 'nasional'}`;
    case 'target.remove':
      return `menghapus seri target ${str(d.source) ?? ''} ${unit || 'nasional'}`;
    case 'rekap.export': {
      const from = str(d.periodFrom);
      const to = str(d.periodTo);
      const period = from && to && /^\d{4}-W\d{2}$/.test(from) && /^\d{4}-W\d{2}$/.test(to) ? `, ${periodText({ from: from as WeekKey, to: to as WeekKey, kind: 'range' })}` : '';
      return `mengekspor rekap ${unit || 'nasional'}${period}${str(d.format) ? ` (${(str(d.format) ?? '').toUpperCase()})` : ''}`;
    }
  }
}

export function auditMessage(entries: AuditEntry[], regions: RegionDirectory): Html {
  if (entries.length === 0) return html`Belum ada catatan audit di wilayah Bapak/Ibu.`;
  return lines(
    bold(`Catatan audit terbaru (${entries.length})`),
    ...entries.map((e) => html`• ${formatDateTime(new Date(e.at), WIB)} · ${e.actor.name}: ${describeEntry(e, regions)}`),
  );
}
