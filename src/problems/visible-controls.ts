/**
 * Control characters from a plan shown as visible symbols (␛ for ESC, ␇ for BEL) rather
 * than sent to the terminal, where an escape sequence in a plan's text could recolour,
 * clear or rewrite the screen, or forge output. Tabs and line breaks are kept.
 */
export function showControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F\u0080-\u009F]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}
