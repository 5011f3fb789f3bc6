import { describe, expect, it } from 'vitest';
import { FORMAT_IDS, FORMATS } from '../../../lib/formats';

describe('format options', () => {
  it.each(FORMAT_IDS)('%s declares options the export view can render', (id) => {
    const { options } = FORMATS[id];
    // A format without a template must offer a built-in file; one that only patches a template offers none.
    if (options.template === 'none') expect(options.outputs.length).toBeGreaterThan(0);
    if (options.template === 'required') expect({ outputs: options.outputs, encodings: options.encodings }).toEqual({ outputs: [], encodings: [] });
    // CSV is the default file kind wherever files are built, UTF-8 with BOM the default encoding (Excel in Japan).
    if (options.outputs.length > 0) expect(options.outputs[0]).toBe('csv');
    if (options.encodings.length > 0) expect(options.encodings[0]).toBe('utf-8-bom');
    expect(new Set(options.encodings).size).toBe(options.encodings.length);
    if (options.templateHelp) expect(options.template).not.toBe('none');
  });

  it('offers the Chatwork choices only where a Chatwork ID is written', () => {
    const chatwork = FORMAT_IDS.filter((id) => FORMATS[id].options.chatworkRoster || FORMATS[id].options.chatworkIdKinds.length > 0);
    expect(chatwork).toEqual(['receptionist-employees']);
    expect(FORMAT_IDS.filter((id) => FORMATS[id].options.sso)).toEqual(['lineworks-bulk-add-auto', 'lineworks-bulk-add-admin', 'lineworks-bulk-add-member']);
  });
});
