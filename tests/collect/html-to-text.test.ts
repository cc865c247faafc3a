import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/collect/html-to-text.js';

describe('htmlToText', () => {
  it('strips tags, decodes entities and collapses whitespace', () => {
    expect(htmlToText('<p>Hello&nbsp;<b>world</b> &amp; caf&eacute;</p>\n\n<p>Second\tparagraph</p>')).toBe(
      'Hello world & café Second paragraph',
    );
  });

  it('keeps words of adjacent blocks apart', () => {
    expect(htmlToText('<h1>Title</h1><p>one</p><ul><li>a</li><li>b</li></ul>line<br>break')).toBe('Title one a b line break');
  });

  it('never lets script, style or event-handler content into the text', () => {
    const html =
      '<div onclick="steal()">safe<script>alert("x")</script> <style>p{color:red}</style>text<iframe src="javascript:evil()">fallback</iframe></div><noscript><img src=x onerror=alert(1)></noscript>';
    const text = htmlToText(html);
    expect(text).toBe('safe text');
  });

  it('drops comments and survives broken markup', () => {
    expect(htmlToText('a <!-- <script>bad()</script> --> b <p>unclosed <b>bold')).toBe('a b unclosed bold');
    expect(htmlToText('')).toBe('');
    expect(htmlToText('plain   text\n')).toBe('plain text');
  });
});
