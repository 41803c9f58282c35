/**
 * Most names, and most keywords beyond PdfOperator.keyword's, kept interned across documents (and
 * in each of the lexer's byte-keyed caches): a file of millions of distinct names must not grow
 * them without limit. A full cache is emptied and refilled; interning only saves allocations.
 */
export const MAX_INTERNED = 4096;

/** Adds `key` to a bounded interning cache, emptying it first when full. */
export function intern<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= MAX_INTERNED) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * The PDF object model the fast reader works with. Strings are kept as latin1 JS strings (one
 * char per byte: char codes for text-showing operators), names are interned PdfName objects.
 */
export class PdfName {
  private static readonly interned = new Map<string, PdfName>();
  private constructor(readonly name: string) {}
  static of(name: string): PdfName {
    return PdfName.interned.get(name) ?? intern(PdfName.interned, name, new PdfName(name));
  }
  /** How many names are interned now (at most MAX_INTERNED). */
  static internedCount(): number {
    return PdfName.interned.size;
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

/**
 * A keyword (operator, delimiter, obj/endstream…). Keywords the reader compares tokens with by
 * identity are declared once with keyword() and interned for good; any other keyword is compared
 * by its `op` only, and interned in a bounded cache.
 */
export class PdfOperator {
  private static readonly keywords = new Map<string, PdfOperator>();
  private static readonly others = new Map<string, PdfOperator>();
  private constructor(readonly op: string) {}
  /** A keyword tokens are compared with (===): call once, at module level. */
  static keyword(op: string): PdfOperator {
    let found = PdfOperator.keywords.get(op);
    if (!found) {
      found = PdfOperator.others.get(op) ?? new PdfOperator(op);
      PdfOperator.others.delete(op);
      PdfOperator.keywords.set(op, found);
    }
    return found;
  }
  static of(op: string): PdfOperator {
    return (
      PdfOperator.keywords.get(op) ??
      PdfOperator.others.get(op) ??
      intern(PdfOperator.others, op, new PdfOperator(op))
    );
  }
  /** How many keywords outside keyword()'s are interned now (at most MAX_INTERNED). */
  static internedCount(): number {
    return PdfOperator.others.size;
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
