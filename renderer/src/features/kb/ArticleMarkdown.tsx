import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * Links inside the console stay in it; any other opens outside it (a new tab in browser
 * mode; Electron refuses new windows). An address react-markdown judged unsafe
 * (javascript:, data:, vbscript:...) arrives empty and is shown as plain text.
 */
const components: Components = {
  a: ({ href, children }) => {
    if (!href) return <span>{children}</span>;
    if (href.startsWith('#/')) return <a href={href}>{children}</a>;
    return (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  },
  // Pictures from elsewhere are not fetched (the page's policy refuses them anyway): a link.
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer">
        {alt ?? src}
      </a>
    ) : (
      <span>{alt}</span>
    ),
};

/**
 * An article's Markdown as HTML elements React creates itself. Raw HTML in the text is shown
 * as text, never parsed (no rehype-raw), so a script, an event-handler attribute or an
 * iframe in an article cannot run or render.
 */
export function ArticleMarkdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Markdown remarkPlugins={[remarkGfm]} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
