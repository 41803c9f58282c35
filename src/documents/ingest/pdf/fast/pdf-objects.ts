/**
 * The PDF object model the fast reader works with. Strings are kept as latin1 JS strings (one
 * char per byte: char codes for text-showing operators), names are interned PdfName objects.
 */
export class PdfName {
  private static readonly interned = new Map<string, PdfName>();
  private constructor(readonly name: string) {}
  static of(name: string): PdfName {
    let found = PdfName.interned.get(name);
    if (!found) {
      found = new PdfName(name);
      PdfName.interned.set(name, found);
    }
    return found;
  }
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfDict {
  readonly entries = new Map<string, PdfObject>();
  /** Entries read only when first asked for (pdf-lexer.ts DEFERRED_KEYS): key → parse. */
  private deferred: Map<string, () => PdfObject> | undefined;
  get(key: string): PdfObject | undefined {
    const value = this.entries.get(key);
    if (value !== undefined || this.deferred === undefined) return value;
    const parse = this.deferred.get(key);
    if (parse === undefined) return undefined;
    const parsed = parse();
    this.deferred.delete(key);
    this.entries.set(key, parsed);
    return parsed;
  }
  /** Sets `key` to the value `parse` reads, parsed on the first get (a later entry of the same key wins). */
  defer(key: string, parse: () => PdfObject): void {
    this.entries.delete(key);
    this.deferred ??= new Map();
    this.deferred.set(key, parse);
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The raw (still encoded) bytes. */
    readonly raw: Uint8Array,
  ) {}
}

/** A content-stream operator keyword (only the content lexer produces these). */
export class PdfOperator {
  private static readonly interned = new Map<string, PdfOperator>();
  private constructor(readonly op: string) {}
  static of(op: string): PdfOperator {
    let found = PdfOperator.interned.get(op);
    if (!found) {
      found = new PdfOperator(op);
      PdfOperator.interned.set(op, found);
    }
    return found;
  }
}

export type PdfObject =
  | number
  | boolean
  | null
  | string
  | PdfName
  | PdfRef
  | PdfDict
  | PdfStream
  | PdfObject[];

/**
 * Thrown for anything the fast reader does not handle exactly as pdfjs would (encryption, other
 * filters, fonts without a ToUnicode map, damaged structure…): the caller then reads the file
 * with pdfjs instead. Never shown to a user.
 */
export class PdfFastUnsupported extends Error {
  constructor(reason: string) {
    super(`fast PDF reader: ${reason}`);
    this.name = 'PdfFastUnsupported';
  }
}

export function unsupported(reason: string): never {
  throw new PdfFastUnsupported(reason);
}

export function isName(value: unknown, name?: string): value is PdfName {
  return value instanceof PdfName && (name === undefined || value.name === name);
}

export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The string operand of a text-showing operator. */
export function stringOperand(operands: PdfObject[]): string {
  const value = operands[operands.length - 1];
  if (typeof value !== 'string') return unsupported('text operator without a string');
  return value;
}
