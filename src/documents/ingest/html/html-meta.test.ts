import { describe, expect, it } from 'vitest';
import { readHtmlMeta } from './html-meta.ts';

describe('readHtmlMeta', () => {
  it('reads the date and source metas of the head with their line', () => {
    const page = [
      '<html><head>',
      '<meta charset="utf-8">',
      '<meta name="PubDate" content="2025-03-10 09:30">',
      "<meta property='article:published_time' content='2025-03-10T09:30:00+08:00'>",
      '<META NAME="ContentSource" CONTENT="沭阳县发展和改革局">',
      '</head><body><meta name="PublishDate" content="1999-01-01"></body></html>',
    ].join('\n');
    expect(readHtmlMeta(page)).toEqual([
      { name: 'PubDate', value: '2025-03-10 09:30', from: 'html-meta', line: 3 },
      { name: 'article:published_time', value: '2025-03-10T09:30:00+08:00', from: 'html-meta', line: 4 },
      { name: 'ContentSource', value: '沭阳县发展和改革局', from: 'html-meta', line: 5 },
    ]);
  });
});
