import { describe, expect, it } from 'vitest';
import { neutralizeCell } from '../../../lib/csv/neutralize';

describe('neutralizeCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['\nx', "'\nx"],
    ['first\n=cmd|x', "first\n'=cmd|x"],
    ['first\r\n@x\r\n-y', "first\r\n'@x\r\n'-y"],
  ])('prefixes %j', (value, expected) => {
    expect(neutralizeCell(value)).toBe(expected);
  });
  it.each(['山田 太郎', 'a=b', 'taro@example.com', '', "'=already", 'line\n\nblank line'])('leaves %j alone', (value) => {
    expect(neutralizeCell(value)).toBe(value);
  });
});
