import { describe, expect, it } from 'vitest';
import { RULES } from '../../../lib/formats/rules';
import { lineworksIdOf } from '../../../lib/formats/lineworks-columns';
import invalidLineworksId from '../../../lib/findings/rules/invalid-lineworks-id';
import { LINEWORKS_ID_CLAUSES, LINEWORKS_ID_ISSUE_TEXT, lineWorksIdIssues, lineworksLocalId, type LineWorksIdIssue } from '../../../lib/identity/lineworks-id';
import { memberOf } from '../../fixtures/csv/roster';

/**
 * Seed 004's ID rule, clause by clause: for each, IDs that keep it and IDs that break only it.
 * Every row is checked by the finding and by the export's ID column alike.
 */
const TABLE: ReadonlyArray<{ clause: LineWorksIdIssue; seed: string; keeps: string[]; breaks: string[] }> = [
  { clause: 'length', seed: '2~40 字', keeps: ['ab', 'a'.repeat(40)], breaks: ['a', 'a'.repeat(41)] },
  { clause: 'uppercase', seed: '半角英小文字', keeps: ['taro.yamada'], breaks: ['taRo', 'x1A'] },
  { clause: 'characters', seed: '半角文字、数字、「-」、「.」、「_」', keeps: ['t-1_x.y', '1abc'], breaks: ['taro+news', 'ta#ro', 'tarō', '山田太郎'] },
  { clause: 'first-character', seed: '先頭の文字には半角英小文字、および数字', keeps: ['1taro', 'taro'], breaks: ['-taro', '_taro'] },
  { clause: 'edge-dot', seed: '先頭または最後が「.」のID', keeps: ['ta.ro'], breaks: ['.taro', 'taro.', 'ab.'] },
  { clause: 'consecutive-dots', seed: '「.」が連続するID', keeps: ['t.a.r.o'], breaks: ['ta..ro'] },
];

const internal = (identifier: string) => ({ ...memberOf('山田 太郎', identifier), classification: 'internal' as const });

describe('the LINE WORKS ID rule (seed 004), one for the finding and the export', () => {
  it('has one clause per sentence of the seed, each with words in both languages', () => {
    expect(LINEWORKS_ID_CLAUSES.map((clause) => clause.issue).sort()).toEqual(TABLE.map((row) => row.clause).sort());
    for (const text of Object.values(LINEWORKS_ID_ISSUE_TEXT)) {
      expect(text.ja).not.toBe('');
      expect(text.en).not.toBe('');
    }
  });

  describe.each(TABLE)('clause $clause ($seed)', ({ clause, keeps, breaks }) => {
    it.each(keeps)('keeps %j: the finding is silent and the export writes it', (id) => {
      expect(lineWorksIdIssues(id)).not.toContain(clause);
      expect(lineWorksIdIssues(`${id}@examplecorp`)).toEqual([]);
      expect(invalidLineworksId.check(internal(`${id}@examplecorp`))).toBe(false);
      expect(RULES.lineworksId.schema.safeParse(lineworksIdOf(internal(`${id}@examplecorp`))).success).toBe(true);
    });
    it.each(breaks)('breaks %j: the finding flags it and the export refuses it', (id) => {
      expect(lineWorksIdIssues(id)).toContain(clause);
      const member = internal(`${id}@examplecorp`);
      expect(invalidLineworksId.check(member)).toMatchObject({ detail: expect.stringContaining(clause) });
      expect(RULES.lineworksId.schema.safeParse(lineworksIdOf(member)).success).toBe(false);
    });
  });

  it('lists every broken clause at once', () => {
    expect(lineWorksIdIssues('T..')).toEqual(['uppercase', 'edge-dot', 'consecutive-dots']);
  });

  it('reads the ID before the last @, folds full-width forms and drops invisible characters, but keeps case and dots', () => {
    expect(lineworksLocalId(' ｔａｒｏ\u200b@examplecorp ')).toBe('taro');
    expect(lineworksLocalId('Taro.Yamada@example.co.jp')).toBe('Taro.Yamada');
    expect(lineworksLocalId('ab.')).toBe('ab.');
  });

  it('an @ inside an export cell is a broken character clause, not a domain', () => {
    expect(RULES.lineworksId.schema.safeParse('taro@x').success).toBe(false);
  });
});
