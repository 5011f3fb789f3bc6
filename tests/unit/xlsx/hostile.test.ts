import { describe, expect, it } from 'vitest';
import { isWorkbookTable, readTable, workbookWarnings } from '../../../lib/xlsx/table';
import { patchWorkbook } from '../../../lib/xlsx/patch';
import { MAX_ENTRY_BYTES } from '../../../lib/xlsx/zip';
import { bombWorkbook, handWorkbook, sheetXml } from './workbooks';

function errorCode(bytes: Uint8Array): string {
  const table = readTable(bytes);
  if (table.ok) throw new Error('read a workbook that should be refused');
  return table.error.code;
}

const simpleSheet = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>email</t></is></c></row>');

describe('hostile workbooks', () => {
  const megabytes = MAX_ENTRY_BYTES / 1024 / 1024 + 8;

  it('refuses a sheet whose directory states a size past the bound, before inflating it', { timeout: 60_000 }, () => {
    expect(errorCode(bombWorkbook(megabytes))).toBe('xlsx-too-large');
  });

  it('stops inflating a sheet that lies about its size as soon as it passes the bound', { timeout: 60_000 }, () => {
    expect(errorCode(bombWorkbook(megabytes, 1000))).toBe('xlsx-too-large');
  });

  it('refuses a DOCTYPE, so no entity is ever expanded (billion laughs, external entities)', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>`;
    const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
    expect(errorCode(handWorkbook({ sheet, strings: laughs }))).toBe('xlsx-xml-doctype');
    const external = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${simpleSheet.replace(/^<\?xml[^>]*>/, '')}`;
    expect(errorCode(handWorkbook({ sheet: external }))).toBe('xlsx-xml-doctype');
  });

  it('refuses an undeclared entity as malformed XML', () => {
    const sheet = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>');
    expect(errorCode(handWorkbook({ sheet }))).toBe('xlsx-xml-malformed');
  });

  it('refuses a macro-enabled workbook (.xlsm) and a binary one (.xlsb)', () => {
    expect(errorCode(handWorkbook({ sheet: simpleSheet, extra: { 'xl/vbaProject.bin': new Uint8Array([1, 2, 3]) } }))).toBe('xlsx-macros');
    const xlsm =
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>';
    expect(errorCode(handWorkbook({ sheet: simpleSheet, contentTypes: xlsm }))).toBe('xlsx-macros');
    const xlsb =
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>';
    expect(['xlsx-macros', 'xlsx-binary-workbook']).toContain(errorCode(handWorkbook({ sheet: simpleSheet, contentTypes: xlsb })));
  });

  it('says an old .xls (or an encrypted workbook, which is an OLE file too) must be saved again', () => {
    const table = readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(!table.ok && table.error.code).toBe('xlsx-legacy-xls');
    const patched = patchWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), { keyColumn: 'email', changes: new Map() });
    expect(!patched.ok && patched.error.code).toBe('xlsx-legacy-xls');
  });

  it('refuses a shared-string table that declares more strings than the bound before reading it', () => {
    const strings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="50000000"><si><t>email</t></si></sst>';
    const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
    expect(errorCode(handWorkbook({ sheet, strings }))).toBe('xlsx-too-many-strings');
  });

  it('refuses a truncated or damaged package', () => {
    const bytes = handWorkbook({ sheet: simpleSheet });
    expect(errorCode(bytes.subarray(0, bytes.length - 30))).toMatch(/^xlsx-(not-a-workbook|broken-zip)$/);
  });

  it('warns of external links, never follows them, and keeps them as they are', () => {
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`;
    const link = new TextEncoder().encode('<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const bytes = handWorkbook({
      sheet: simpleSheet,
      extra: { 'xl/_rels/workbook.xml.rels': new TextEncoder().encode(rels), 'xl/externalLinks/externalLink1.xml': link },
    });
    const table = readTable(bytes);
    if (!table.ok || !isWorkbookTable(table)) throw new Error('not read as a workbook');
    expect(workbookWarnings(table).map((w) => w.problem.code)).toEqual(['xlsx-external-links']);
  });
});

describe('the bomb the tests make', () => {
  it('is a sound deflate stream: a small one reads as a sheet', () => {
    expect(readTable(bombWorkbook(2)).ok).toBe(true);
  });
});
