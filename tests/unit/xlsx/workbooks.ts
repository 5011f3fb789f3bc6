import ExcelJS from 'exceljs';
import { constants, deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { openZip } from '../../../lib/xlsx/zip';

/**
 * Workbooks for the tests, made here rather than committed: one by exceljs (a writer other than the
 * product's, with styles, validation, a comment, a defined name, a formula and a second sheet) and
 * small hand-written packages for what real writers rarely produce.
 */

export const RED = 'FFFF0000';

/** Written by openpyxl (scripts/fixtures/openpyxl-workbook.py): a third writer, with an Excel table and date cells. */
export const OPENPYXL = new Uint8Array(readFileSync(new URL('../../fixtures/xlsx/openpyxl-members.xlsx', import.meta.url)));

/** Every entry but `changed` is the same local record, byte for byte (compressed data, header and all). */
export function expectOnlyEntriesChanged(before: Uint8Array, after: Uint8Array, changed: readonly string[]) {
  const a = openZip(before);
  const b = openZip(after);
  expect(b.entries.map((e) => e.name)).toEqual(a.entries.map((e) => e.name));
  for (const entry of a.entries) {
    const other = b.byName.get(entry.name)!;
    const raw = (zip: typeof a, e: typeof entry) => Buffer.from(zip.bytes.subarray(e.localOffset, e.localOffset + e.recordLength));
    expect(raw(b, other).equals(raw(a, entry)), entry.name).toBe(!changed.includes(entry.name));
  }
}

export async function exceljsTemplate(rows = 3): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tests';
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = new Date(Date.UTC(2026, 0, 1));
  const sheet = workbook.addWorksheet('社員');
  sheet.columns = [
    { header: '名前', key: 'name', width: 18 },
    { header: 'メールアドレス', key: 'email', width: 32 },
    { header: 'チャットワーク アカウントID', key: 'account', width: 16 },
    { header: '社員番号', key: 'number', width: 12 },
    { header: '部署', key: 'org', width: 16 },
    { header: '文字数', key: 'len', width: 8 },
  ];
  for (const ref of ['A1', 'B1']) sheet.getCell(ref).font = { bold: true, color: { argb: RED } };
  sheet.getCell('C1').font = { bold: true };
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    sheet.addRow({ name: `社員 ${i + 1}`, email: `user${i + 1}@example.co.jp`, account: i === 0 ? 1000001 : null, number: `00${100 + i}`, org: '営業部' });
    sheet.getCell(`F${r}`).value = { formula: `LEN(A${r})`, result: 4 };
    sheet.getCell(`E${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"営業部,総務部,開発部"'] };
  }
  sheet.getCell('A2').note = '代表者';
  sheet.getCell('C2').numFmt = '0';
  workbook.definedNames.add(`'社員'!$A$1:$A$${rows + 1}`, '社員名');
  const lists = workbook.addWorksheet('リスト');
  lists.addRow(['部署']);
  for (const org of ['営業部', '総務部', '開発部']) lists.addRow([org]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const text = (s: string) => new TextEncoder().encode(s);

/** A minimal package around one sheet's XML (and shared strings, and extra parts) as given. */
export function handWorkbook(options: { sheet: string; strings?: string; extra?: Record<string, Uint8Array>; contentTypes?: string }): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': text(
      options.contentTypes ??
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    '_rels/.rels': text(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': text(
      `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': text(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': text(options.sheet),
    ...(options.strings !== undefined ? { 'xl/sharedStrings.xml': text(options.strings) } : {}),
    ...options.extra,
  };
  return zipSync(files);
}

export const sheetXml = (data: string, prefix = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="${MAIN}"><${prefix}dimension ref="A1:C3"/><${prefix}sheetData>${data}</${prefix}sheetData></${prefix}worksheet>`;

/**
 * A sheet of `megabytes` of spaces inside its sheetData, whose directory may lie about its size.
 * Each piece is deflated with a full flush, which leaves no reference to earlier data and ends on a
 * byte boundary, so one compressed megabyte can be repeated: the bomb costs nothing to make.
 */
export function bombWorkbook(megabytes: number, declaredSize?: number): Uint8Array {
  const head = sheetXml('');
  const split = head.indexOf('</sheetData>');
  const flushed = (data: Buffer) => new Uint8Array(deflateRawSync(data, { level: 9, finishFlush: constants.Z_FULL_FLUSH }));
  const megabyte = flushed(Buffer.alloc(1024 * 1024, 0x20));
  const pieces = [
    flushed(Buffer.from(head.slice(0, split))),
    ...Array.from({ length: megabytes }, () => megabyte),
    flushed(Buffer.from(head.slice(split))),
    Uint8Array.of(0x01, 0x00, 0x00, 0xff, 0xff),
  ];
  const compressed = new Uint8Array(pieces.reduce((n, piece) => n + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    compressed.set(piece, at);
    at += piece.length;
  }
  const base = handWorkbook({ sheet: '' });
  return replaceEntryRaw(base, 'xl/worksheets/sheet1.xml', compressed, declaredSize ?? Buffer.byteLength(head) + megabytes * 1024 * 1024);
}

/** The package with one entry's data swapped for raw deflated bytes and a declared size. */
function replaceEntryRaw(zip: Uint8Array, name: string, data: Uint8Array, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const records: { local: Uint8Array; central: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const centralEnd = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const central = zip.slice(at, centralEnd);
    const entryName = new TextDecoder().decode(central.subarray(46, 46 + nameLength));
    const offset = view.getUint32(at + 42, true);
    const dataStart = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    let local = zip.slice(offset, dataStart + view.getUint32(at + 20, true));
    if (entryName === name) {
      const header = zip.slice(offset, dataStart);
      const h = new DataView(header.buffer);
      const c = new DataView(central.buffer);
      for (const [v, base] of [
        [h, 0],
        [c, 2],
      ] as const) {
        v.setUint16(base + 8, 8, true);
        v.setUint32(base + 18, data.length, true);
        v.setUint32(base + 22, size, true);
      }
      local = new Uint8Array(header.length + data.length);
      local.set(header);
      local.set(data, header.length);
    }
    records.push({ local, central });
    at = centralEnd;
  }
  const total = records.reduce((n, r) => n + r.local.length + r.central.length, 22);
  const out = new Uint8Array(total);
  const o = new DataView(out.buffer);
  let write = 0;
  for (const r of records) {
    new DataView(r.central.buffer).setUint32(42, write, true);
    out.set(r.local, write);
    write += r.local.length;
  }
  const centralStart = write;
  for (const r of records) {
    out.set(r.central, write);
    write += r.central.length;
  }
  o.setUint32(write, 0x06054b50, true);
  o.setUint16(write + 8, count, true);
  o.setUint16(write + 10, count, true);
  o.setUint32(write + 12, write - centralStart, true);
  o.setUint32(write + 16, centralStart, true);
  return out;
}
