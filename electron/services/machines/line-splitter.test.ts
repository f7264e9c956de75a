import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';

describe('LineSplitter', () => {
  it('rebuilds lines and characters cut anywhere by chunk boundaries', () => {
    const text = '{"a":"Ελληνικά"}\n{"b":"é"}\n{"c":1}';
    const bytes = Buffer.from(text, 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      const splitter = new LineSplitter();
      const lines = [
        ...splitter.push(bytes.subarray(0, cut)),
        ...splitter.push(bytes.subarray(cut)),
        ...splitter.end(),
      ];
      expect(lines, `cut at byte ${cut}`).toEqual(['{"a":"Ελληνικά"}', '{"b":"é"}', '{"c":1}']);
    }
  });

  it('ends with nothing after a final newline', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(Buffer.from('x\n'))).toEqual(['x']);
    expect(splitter.end()).toEqual([]);
  });
});
