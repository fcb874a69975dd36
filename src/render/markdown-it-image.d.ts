// markdown-it's own rule for images, which its types do not declare: mapc parses images
// with it (so `![alt](url)` is one image, whatever its address) and prints only the alt text.
declare module 'markdown-it/lib/rules_inline/image.mjs' {
  import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
  export default function image(state: StateInline, silent: boolean): boolean;
}
