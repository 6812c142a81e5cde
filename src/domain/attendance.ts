/** How a person answers a session reminder. */
export type AttendanceStatus = 'hadir' | 'diwakilkan' | 'berhalangan';

export const ATTENDANCE_STATUSES = ['hadir', 'diwakilkan', 'berhalangan'] as const satisfies readonly AttendanceStatus[];

/**
 * One letter per answer in a button's callback data (64 bytes at most). Both the buttons and the handler use this
 * table: a button built from the status's first letter once sent `d` for diwakilkan, which the handler refused.
 */
export const ATTENDANCE_CODES: Record<AttendanceStatus, string> = { hadir: 'h', diwakilkan: 'w', berhalangan: 'b' };

export const attendanceOfCode = (code: string): AttendanceStatus | undefined =>
  ATTENDANCE_STATUSES.find((s) => ATTENDANCE_CODES[s] === code);
