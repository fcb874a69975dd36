import MarkdownIt from 'markdown-it';
import type { AbbreviationMarker } from './abbreviation-marker.js';

/** Links a plan may make: to the web and to email, never to files, scripts or data. */
const SAFE_LINK = /^(https?:|mailto:)/i;

export interface MarkdownEnv {
  marker: AbbreviationMarker;
}

/**
 * CommonMark for plan text, made safe for untrusted input: raw HTML is shown as text,
 * links other than https/http/mailto stay text, and images are not images (a plan may
 * not make the reader's browser fetch anything). Plain text passes through the
 * abbreviation marker.
 */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
  md.disable(['image', 'html_block', 'html_inline']);
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  md.renderer.rules.text = (tokens, index, _options, env: MarkdownEnv) => env.marker.mark(tokens[index]!.content);
  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    // Links in a printed plan open nowhere; rel keeps a web copy from leaking the reader.
    tokens[index]!.attrSet('rel', 'noopener noreferrer');
    return self.renderToken(tokens, index, options);
  };
  return md;
}
