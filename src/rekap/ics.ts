import type { Meeting } from '../domain/records.js';
import { ZONE_IANA } from '../domain/when.js';
import type { ZoneLabel } from '../domain/zones.js';
import { ICS_TEXT } from '../messages/followups.js';

/** Indonesia has kept one offset per zone since 1988 (Keppres 41/1987), without daylight saving. */
const OFFSETS: Record<ZoneLabel, string> = { WIB: '+0700', WITA: '+0800', WIT: '+0900' };
const HOURS: Record<ZoneLabel, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** RFC 5545 text: backslash, semicolon and comma escaped, newlines as \n. */
const escapeText = (s: string): string => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded (a CRLF and a space), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const two = (n: number): string => String(n).padStart(2, '0');
/** The wall-clock time of an instant in a fixed-offset zone, as `20261127T090000`. */
function localStamp(instant: Date, zone: ZoneLabel): string {
  const t = new Date(instant.getTime() + HOURS[zone] * 3600_000);
  return `${t.getUTCFullYear()}${two(t.getUTCMonth() + 1)}${two(t.getUTCDate())}T${two(t.getUTCHours())}${two(t.getUTCMinutes())}${two(t.getUTCSeconds())}`;
}
const utcStamp = (instant: Date): string => `${localStamp(new Date(instant.getTime() - 7 * 3600_000), 'WIB')}Z`;

/**
 * A session as an iCalendar event (RFC 5545) in the organiser's zone, with its VTIMEZONE, so that a phone's calendar
 * places it right whether it runs on WIB, WITA or WIT. UID stays with the session; SEQUENCE follows its version, so
 * a rescheduled session's file updates the same calendar entry.
 */
export function meetingIcs(m: Meeting, o: { now: Date; organiser: string }): string {
  const tzid = ZONE_IANA[m.zone];
  const start = new Date(m.startsAt);
  const end = new Date(start.getTime() + m.durationMinutes * 60_000);
  const description = `${ICS_TEXT.agenda}: ${m.agenda}\n${ICS_TEXT.place}: ${m.place}\n${ICS_TEXT.organiser}: ${o.organiser}`;
  const url = /https?:\/\/\S+/.exec(m.place)?.[0];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//UC Bot//Sesi Monitoring UC Jamsosnaker//ID',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${OFFSETS[m.zone]}`,
    `TZOFFSETTO:${OFFSETS[m.zone]}`,
    `TZNAME:${m.zone}`,
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:sesi-${m.id}@uc-bot`,
    `SEQUENCE:${m.version - 1}`,
    `DTSTAMP:${utcStamp(o.now)}`,
    `DTSTART;TZID=${tzid}:${localStamp(start, m.zone)}`,
    `DTEND;TZID=${tzid}:${localStamp(end, m.zone)}`,
    `SUMMARY:${escapeText(m.title)}`,
    `LOCATION:${escapeText(m.place)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(url ? [`URL:${url}`] : []),
    `STATUS:${m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT30M',
    `DESCRIPTION:${escapeText(m.title)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** The file's name: the session's date in its own zone (`sesi-monitoring-2026-11-27.ics`). */
export const meetingIcsName = (m: Meeting): string => {
  const stamp = localStamp(new Date(m.startsAt), m.zone);
  return ICS_TEXT.filename(`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`);
};
