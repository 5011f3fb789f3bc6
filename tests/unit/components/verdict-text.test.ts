import { describe, expect, it } from 'vitest';
import { reasonText, verdictText } from '../../../components/verdict-text';
import { judgeCompleteness } from '../../../lib/completeness';
import { wordsIn } from '../../../lib/i18n';

describe('reasonText', () => {
  it("shows the list's own error message in the admin's words, never the code", () => {
    const reason = 'page-error: An error happened while fetching the data';
    expect(reasonText(wordsIn('ja'), reason)).toBe(
      '一覧にエラーが表示されました（「An error happened while fetching the data」）。ページを再読み込みしてから、もう一度監査してください。',
    );
    expect(verdictText(wordsIn('en'), judgeCompleteness({ rowsRead: 15, reachedEnd: false, reason }))).toContain(
      'The list shows an error ("An error happened while fetching the data"). Reload the page and audit again.',
    );
  });
});
