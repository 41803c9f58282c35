import type { Buffer } from 'node:buffer';

/**
 * Buffer's own slicing methods: `toString(encoding, start, end)` checks its arguments and
 * dispatches in JavaScript first, which costs more than the slice of a short tag name. They exist
 * on every Buffer (Node's toString calls them) but are not in Node's type declarations.
 */
export interface BufferSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/**
 * Element names already seen, by a hash of their bytes: a DOCX has a few dozen distinct names
 * repeated tens of thousands of times, and a name found here is checked byte by byte, not sliced.
 * The table is direct-mapped: a slot holds the last name whose hash fell in it.
 */
const NAME_SLOTS = 1_024;
/** Names longer than this are sliced every time (no real element name comes close). */
const MAX_KNOWN_LENGTH = 32;
const knownHashes = new Int32Array(NAME_SLOTS);
const knownLengths = new Int32Array(NAME_SLOTS);
const knownBytes = new Uint8Array(NAME_SLOTS * MAX_KNOWN_LENGTH);
const knownNames: (string | undefined)[] = new Array(NAME_SLOTS).fill(undefined);
const knownLocals: string[] = new Array(NAME_SLOTS).fill('');
/** The element number of a slot's name for the handler whose `elements` are in knownIdsFor. */
const knownIds = new Int32Array(NAME_SLOTS);
const knownIdsFor: (ReadonlyMap<string, number> | undefined)[] = new Array(NAME_SLOTS).fill(undefined);
/** The local name and the slot (-1: none) of the name nameAt returned last: more results, no allocation. */
let localOfLast = '';
let slotOfLast = -1;

/** The handler's number for the name nameAt returned last; 0 when it is not one of `elements`. */
export function elementOfLast(elements: ReadonlyMap<string, number>): number {
  const slot = slotOfLast;
  if (slot >= 0 && knownIdsFor[slot] === elements) return knownIds[slot]!;
  const id = elements.get(localOfLast) ?? 0;
  if (slot >= 0) {
    knownIds[slot] = id;
    knownIdsFor[slot] = elements;
  }
  return id;
}

/** The name of bytes [start, end) whose hash the caller computed as it found the name's end. */
export function nameAt(buf: Buffer, start: number, end: number, hash: number): string {
  const length = end - start;
  const slot = hash & (NAME_SLOTS - 1);
  const known = knownNames[slot];
  if (known !== undefined && knownHashes[slot] === hash && knownLengths[slot] === length) {
    const base = slot * MAX_KNOWN_LENGTH;
    let same = true;
    for (let i = 0; i < length; i += 1) {
      if (buf[start + i] !== knownBytes[base + i]) {
        same = false;
        break;
      }
    }
    if (same) {
      localOfLast = knownLocals[slot]!;
      slotOfLast = slot;
      return known;
    }
  }
  const name = (buf as unknown as BufferSlices).latin1Slice(start, end);
  localOfLast = name.slice(name.indexOf(':') + 1);
  slotOfLast = -1;
  if (length <= MAX_KNOWN_LENGTH) {
    slotOfLast = slot;
    knownNames[slot] = name;
    knownLocals[slot] = localOfLast;
    knownIdsFor[slot] = undefined;
    knownHashes[slot] = hash;
    knownLengths[slot] = length;
    knownBytes.set(buf.subarray(start, end), slot * MAX_KNOWN_LENGTH);
  }
  return name;
}
