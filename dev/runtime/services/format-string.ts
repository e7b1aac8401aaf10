// Utilities.formatString: sprintf-style formatting (%s %d %i %f %e %x %o %c %b %% with flags,
// width and precision), as Apps Script documents it.

export function formatString(template: string, ...args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(\d+\$)?([-+ 0#,]*)(\d+)?(?:\.(\d+))?([sdifeExXocb%n])/g,
    (
      whole,
      position: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conv: string,
    ) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      const arg = position ? args[parseInt(position, 10) - 1] : args[next++];
      let text: string;
      const num = Number(arg);
      switch (conv) {
        case 's':
          text = arg === undefined ? 'undefined' : arg === null ? 'null' : String(arg);
          if (precision !== undefined) text = text.slice(0, Number(precision));
          break;
        case 'd':
        case 'i':
          text = String(Math.trunc(num));
          break;
        case 'f':
          text = num.toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
        case 'E':
          text = num.toExponential(precision === undefined ? 6 : Number(precision));
          if (conv === 'E') text = text.toUpperCase();
          break;
        case 'x':
        case 'X':
          text = Math.trunc(num).toString(16);
          if (conv === 'X') text = text.toUpperCase();
          break;
        case 'o':
          text = Math.trunc(num).toString(8);
          break;
        case 'c':
          text = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
          break;
        case 'b':
          text = String(Boolean(arg));
          break;
        default:
          return whole;
      }
      if (/[dife]/i.test(conv)) {
        if (flags.includes(',')) {
          const [int, frac] = text.split('.');
          text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? '.' + frac : '');
        }
        if (num >= 0 && flags.includes('+')) text = '+' + text;
        else if (num >= 0 && flags.includes(' ')) text = ' ' + text;
      }
      const w = width ? Number(width) : 0;
      if (text.length < w) {
        if (flags.includes('-')) text = text.padEnd(w);
        else if (flags.includes('0') && /[difeExXo]/.test(conv)) {
          const sign = /^[+\- ]/.test(text) ? text[0] : '';
          text = sign + text.slice(sign.length).padStart(w - sign.length, '0');
        } else text = text.padStart(w);
      }
      return text;
    },
  );
}
