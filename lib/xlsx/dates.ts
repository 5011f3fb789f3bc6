/**
 * Dates in a workbook. Excel stores a date as a number (days since its epoch) and shows it as a date
 * only through the cell's number format, so a reader that ignored the format would read 入社日 as
 * `45383`. A cell whose format is a date reads as the text the consoles take (`yyyymmdd`, the
 * LINE WORKS rule for every date column), with the time after it when the format shows one; a
 * changed date cell written with a date stays a date.
 */

export type DateKind = 'date' | 'time' | 'date-time';

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, and the East Asian ids Japanese Excel uses). */
const BUILT_IN: ReadonlyMap<number, DateKind> = new Map([
  ...[14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58].map((id) => [id, 'date'] as const),
  ...[18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56].map((id) => [id, 'time'] as const),
  [22, 'date-time'] as const,
]);

/** What a custom number format shows, read from its codes outside quoted text, escapes and brackets. */
export function formatKind(code: string): DateKind | undefined {
  // Only the first section (positive numbers) decides; `[h]` elapsed hours are a time.
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\.|[_*]./g, '')
    // Scientific notation (`0.00E+00`) is no era.
    .replace(/E[+-]/gi, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General|AM\/PM|A\/P/gi, (match) => (match.toLowerCase() === 'general' ? '' : 'h'));
  const date = /[ydeg]/i.test(bare);
  const time = /[hs]/i.test(bare);
  // A lone `m` is a month; beside `h` or `s` it is minutes.
  const month = /m/i.test(bare) && !time;
  if ((date || month) && time) return 'date-time';
  if (date || month) return 'date';
  return time ? 'time' : undefined;
}

export function builtInKind(id: number): DateKind | undefined {
  return BUILT_IN.get(id);
}

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 system as Excel counts it past its phantom 1900-02-29 (serial 60). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The serial as the consoles' text: `yyyymmdd`, `hh:mm:ss`, or both; undefined for a serial no date has. */
export function serialText(serial: number, kind: DateKind, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return undefined;
  // Serials before 1900-03-01 count from one day later, Excel's 1900-02-29 having never been.
  const epoch = date1904 ? EPOCH_1904 : serial < 61 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  const ms = Math.round(epoch + serial * DAY_MS);
  const at = new Date(Math.round(ms / 1000) * 1000);
  const day = `${pad(at.getUTCFullYear(), 4)}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
  return kind === 'date' ? day : kind === 'time' ? time : `${day} ${time}`;
}

/** The serial of a `yyyymmdd` date, for a changed date cell to stay a date; undefined for anything else. */
export function dateSerial(text: string, date1904: boolean): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const at = new Date(ms);
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return undefined;
  const epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
  const serial = (ms - epoch) / DAY_MS;
  // Before 1900-03-01 the 1900 system's serials are off by Excel's phantom day: leave such dates as text.
  return serial >= (date1904 ? 0 : 61) ? serial : undefined;
}
