import MarkdownIt from 'markdown-it';
import parseImage from 'markdown-it/lib/rules_inline/image.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type { AbbreviationMarker } from './abbreviation-marker.js';

/** Links a plan may make: to the web and to email, never to files, scripts or data. */
const SAFE_LINK = /^(https?:|mailto:)/i;

export interface MarkdownEnv {
  marker: AbbreviationMarker;
}

/**
 * CommonMark for plan text, made safe for untrusted input: raw HTML is shown as text,
 * links other than https/http/mailto stay text, and images print as their alt text (a
 * plan may not make the reader's browser fetch anything). Plain text passes through the
 * abbreviation marker.
 */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
  md.disable(['html_block', 'html_inline']);
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  md.inline.ruler.at('image', imageOfAnyAddress);
  // An image is its alt text: the text an author writes to stand in for the picture, so a
  // self-contained document that fetches nothing still says what the picture showed. (With
  // images switched off, `![alt](url)` read as a stray "!" and a link to the picture.)
  md.renderer.rules.image = (tokens, index, options, env, self) => self.renderInline(tokens[index]!.children ?? [], options, env);
  md.renderer.rules.text = (tokens, index, _options, env: MarkdownEnv) => env.marker.mark(tokens[index]!.content);
  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    // Links in a printed plan open nowhere; rel keeps a web copy from leaking the reader.
    tokens[index]!.attrSet('rel', 'noopener noreferrer');
    return self.renderToken(tokens, index, options);
  };
  return md;
}

/**
 * markdown-it's image rule, with any address accepted: the address is never used, and an
 * image whose address is not a web link ("chart.png") would otherwise fall apart into a
 * "!" and the text of a link. Only the first check is waved through, the image's own
 * address (the rule checks it before it parses the alt text): a link inside the alt text
 * is checked as any other.
 */
function imageOfAnyAddress(state: StateInline, silent: boolean): boolean {
  const validateLink = state.md.validateLink;
  state.md.validateLink = () => {
    state.md.validateLink = validateLink;
    return true;
  };
  try {
    return parseImage(state, silent);
  } finally {
    state.md.validateLink = validateLink;
  }
}
