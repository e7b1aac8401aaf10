// Parses formula tokens into an expression tree with Sheets' operator precedence (lowest first):
// comparison, '&', '+ -', '* /', '^', unary '-' '+', postfix '%'. Unary minus binds tighter than
// '^' as in Sheets (=-2^2 is 4).
import { FormulaSyntaxError, type Reference, type Token, tokenize } from './formula-tokens';

export type Node =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'error'; code: string }
  | { type: 'ref'; ref: Reference }
  | { type: 'name'; name: string }
  | { type: 'blank' }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'unary'; op: '-' | '+'; operand: Node }
  | { type: 'percent'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node }
  | { type: 'array'; rows: Node[][] };

const BINARY_PRECEDENCE: Record<string, number> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.expression(0);
    if (this.pos < this.tokens.length)
      throw new FormulaSyntaxError(`Unexpected "${this.tokens[this.pos].text}" in formula`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new FormulaSyntaxError('Formula ends too early');
    return t;
  }

  private expect(kind: Token['kind'], text?: string): Token {
    const t = this.next();
    if (t.kind !== kind || (text !== undefined && t.text !== text))
      throw new FormulaSyntaxError(`Expected "${text ?? kind}" but found "${t.text}" in formula`);
    return t;
  }

  private expression(minPrecedence: number): Node {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'op' && t.text === '%') {
        this.pos++;
        left = { type: 'percent', operand: left };
        continue;
      }
      if (t?.kind !== 'op') return left;
      const precedence = BINARY_PRECEDENCE[t.text];
      if (precedence === undefined || precedence <= minPrecedence) return left;
      this.pos++;
      // '^' is left-associative in Sheets (=2^3^2 is 64), like every other binary operator.
      const right = this.expression(precedence);
      left = { type: 'binary', op: t.text, left, right };
    }
  }

  private unary(): Node {
    const t = this.peek();
    if (t?.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.pos++;
      const operand = this.unary();
      return { type: 'unary', op: t.text, operand: this.postfix(operand) };
    }
    return this.primary();
  }

  /** A percent sign directly after a unary operand applies to it before the sign. */
  private postfix(node: Node): Node {
    let n = node;
    while (this.peek()?.kind === 'op' && this.peek()?.text === '%') {
      this.pos++;
      n = { type: 'percent', operand: n };
    }
    return n;
  }

  private primary(): Node {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { type: 'number', value: t.value };
      case 'string':
        return { type: 'string', value: t.value };
      case 'bool':
        return { type: 'bool', value: t.value };
      case 'error':
        return { type: 'error', code: t.text };
      case 'ref':
        return { type: 'ref', ref: t.ref };
      case 'name':
        return { type: 'name', name: t.text };
      case 'func':
        return this.call(t.name);
      case 'paren':
        if (t.text === '(') {
          const inner = this.expression(0);
          this.expect('paren', ')');
          return inner;
        }
        break;
      case 'brace':
        if (t.text === '{') return this.array();
        break;
      default:
        break;
    }
    throw new FormulaSyntaxError(`Unexpected "${t.text}" in formula`);
  }

  private call(name: string): Node {
    this.expect('paren', '(');
    const args: Node[] = [];
    if (this.peek()?.kind === 'paren' && this.peek()?.text === ')') {
      this.pos++;
      return { type: 'call', name, args };
    }
    for (;;) {
      // An empty argument (e.g. the third of IF(A1,1,)) is a blank.
      const t = this.peek();
      if (t?.kind === 'comma' || (t?.kind === 'paren' && t.text === ')'))
        args.push({ type: 'blank' });
      else args.push(this.expression(0));
      const sep = this.next();
      if (sep.kind === 'paren' && sep.text === ')') return { type: 'call', name, args };
      if (sep.kind !== 'comma')
        throw new FormulaSyntaxError(`Expected "," or ")" but found "${sep.text}" in formula`);
    }
  }

  /** An array literal: ',' separates columns and ';' rows, as in Sheets' en_US syntax. */
  private array(): Node {
    const rows: Node[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.expression(0));
      const sep = this.next();
      if (sep.kind === 'brace' && sep.text === '}') return { type: 'array', rows };
      if (sep.kind !== 'comma') throw new FormulaSyntaxError('Malformed array literal in formula');
      if (sep.text === ';') rows.push([]);
    }
  }
}

/** The expression tree of a formula's text after '=' (whitespace tokens dropped). */
export function parseFormula(body: string): Node {
  const tokens = tokenize(body).filter((t) => t.kind !== 'space');
  return new Parser(tokens).parse();
}
