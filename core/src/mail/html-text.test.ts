import { describe, expect, it } from 'vitest';
import { htmlText } from './html-text';

describe('htmlText', () => {
  it('keeps the words and paragraphs, drops scripts, styles and images', () => {
    const html =
      '<html><head><style>p{color:red}</style><title>x</title></head><body>' +
      '<p>The VPN <b>drops</b>.</p><script>alert("x")</script>' +
      '<img src="https://tracker.test/pixel.png"><div>Every hour&nbsp;or so &amp; then&#33;</div></body></html>';
    expect(htmlText(html)).toBe('The VPN drops.\n\nEvery hour or so & then!');
  });

  it('turns line breaks into new lines and decodes references', () => {
    expect(htmlText('Ann<br>Finance &lt;2.14&gt; &#x3b1;')).toBe('Ann\nFinance <2.14> α');
  });
});
