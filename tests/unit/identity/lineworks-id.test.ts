import { describe, expect, it } from 'vitest';
import { isValidLineWorksId, LINEWORKS_ID_ISSUE_TEXT, lineWorksIdIssues } from '../../../lib/identity/lineworks-id';

describe('lineWorksIdIssues (seed 004 ID rules)', () => {
  it.each(['ab', 'taro.yamada', 'taro_yamada-01', '1taro', 'a'.repeat(40), 'taro.yamada@examplecorp'])('accepts %s', (id) => {
    expect(lineWorksIdIssues(id)).toEqual([]);
    expect(isValidLineWorksId(id)).toBe(true);
  });

  it.each([
    ['a', ['length']],
    ['a'.repeat(41), ['length']],
    ['Taro', ['uppercase']],
    ['taro yamada', ['characters']],
    ['taro+news', ['characters']],
    ['山田', ['characters']],
    ['-taro', ['first-character']],
    ['_taro', ['first-character']],
    ['.taro', ['edge-dot']],
    ['taro.', ['edge-dot']],
    ['taro..yamada', ['consecutive-dots']],
    ['T..', ['uppercase', 'edge-dot', 'consecutive-dots']],
    ['.x@examplecorp', ['edge-dot']],
  ] as const)('rejects %s with %j', (id, issues) => {
    expect(lineWorksIdIssues(id)).toEqual(issues);
    expect(isValidLineWorksId(id)).toBe(false);
  });

  it('has a Japanese and an English message for every issue', () => {
    for (const text of Object.values(LINEWORKS_ID_ISSUE_TEXT)) {
      expect(text.ja).not.toBe('');
      expect(text.en).not.toBe('');
    }
  });
});
