import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html-text.js';

const text = (html: string) => htmlToText(html).text;

describe('htmlToText', () => {
  it('turns block tags into line breaks and collapses source whitespace', () => {
    expect(text('<div><div>first   line</div>\n</div><p>second\r\n line</p>third<br>fourth<br/>fifth')).toBe(
      'first line\nsecond line\nthird\nfourth\nfifth',
    );
  });

  it('keeps content of divs styled inline on the same line', () => {
    expect(text('<div>before <div style="display:inline"><b>inside</b></div> after</div>')).toBe(
      'before inside after',
    );
  });

  it('writes list items as dashes', () => {
    expect(text('<ul><li>one</li><li>two</li></ul>')).toBe('- one\n- two');
  });

  it('writes links as label (href) and collects hrefs once', () => {
    const result = htmlToText(
      'see <a href="https://x.test/a?b=1&amp;c=2">the doc</a> and <a href="https://x.test/b">https://x.test/b</a>, <a href="https://x.test/a?b=1&amp;c=2">again</a>',
    );
    expect(result.text).toBe(
      'see the doc (https://x.test/a?b=1&c=2) and https://x.test/b, again (https://x.test/a?b=1&c=2)',
    );
    expect(result.links).toEqual(['https://x.test/a?b=1&c=2', 'https://x.test/b']);
  });

  it('writes images as [image] and emoji as their character', () => {
    expect(
      text(
        '<p><img src="https://graph/x/$value" width="67"></p><emoji id="smile" alt="🙂" title="Smile"></emoji> ok <img itemtype="http://schema.skype.com/Emoji" alt="👍">',
      ),
    ).toBe('[image]\n🙂 ok 👍');
  });

  it('decodes named, decimal and hex entities, and leaves unknown ones', () => {
    expect(text('P&amp;L &lt;draft&gt; &quot;q&quot; caf&#233; &#x1F600; a&nbsp;b &madeup; &hellip;')).toBe(
      'P&L <draft> "q" café 😀 a b &madeup; …',
    );
  });

  it('renders mentions and attachments through hooks', () => {
    const result = htmlToText('<at id="0">Megan Bowen</at> look <attachment id="a1"></attachment>', {
      mention: (id, inner) => `@${inner}#${id}`,
      attachment: (id) => (id === 'a1' ? '> quoted' : ''),
    });
    expect(result.text).toBe('@Megan Bowen#0 look\n> quoted');
  });

  it('quotes blockquotes, drops styles and scripts, and survives broken markup', () => {
    expect(text('<blockquote><p>old</p><p>words</p></blockquote>reply')).toBe('> old\n> words\nreply');
    expect(text('<style>p{color:red}</style><script>alert(1)</script>kept')).toBe('kept');
    expect(text('a < b and <b>unclosed <i>tags <a href="https://x">link')).toBe(
      'a < b and unclosed tags link (https://x)',
    );
    expect(text('<systemEventMessage/>')).toBe('');
    expect(text('x</div></at>y')).toBe('x\ny');
  });
});

describe('decodeEntities', () => {
  it('replaces invalid code points with the replacement character', () => {
    expect(decodeEntities('&#0;&#xD800;&#1114112;')).toBe('\uFFFD\uFFFD\uFFFD');
  });
});
