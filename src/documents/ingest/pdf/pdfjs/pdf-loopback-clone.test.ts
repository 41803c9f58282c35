import { describe, expect, it } from 'vitest';
import { copyMessage, installLoopbackClone } from './pdf-loopback-clone.ts';

class Glyph {
  constructor(
    readonly unicode: string,
    readonly width: number,
  ) {}
  get doubled(): number {
    return this.width * 2;
  }
}

/** Messages shaped like pdfjs's: text chunks, operator lists with glyph objects, font data. */
function sampleMessages(): unknown[] {
  const shared = { name: 'g_d0_f1', vertical: false };
  const cyclic: Record<string, unknown> = { id: 1 };
  cyclic.self = cyclic;
  return [
    null,
    42,
    'text',
    { stream: 4, chunk: { items: [{ str: '本年新收', transform: [1, 0, 0, 1, 72.5, 700], hasEOL: false }] } },
    {
      stream: 4,
      chunk: {
        fnArray: new Uint32Array([1, 44, 2]),
        argsArray: [null, [[new Glyph('申', 1000), new Glyph('请', 1000)]], [new Float32Array([0, 1.5, 2])]],
        lastChunk: true,
      },
    },
    { data: ['f1', 'Font', { data: new Uint8Array([1, 2, 3]), styles: [shared, shared] }] },
    { map: new Map([['a', { n: [1, 2] }]]), set: new Set([1, 'two']), date: new Date(0), big: 10n },
    cyclic,
    [undefined, Number.NaN, -0, [[[]]]],
    { error: new Error('页损坏') },
    { view: new DataView(new ArrayBuffer(4)) },
  ];
}

describe('copyMessage', () => {
  it('gives what structuredClone gives for the messages pdfjs sends', () => {
    for (const message of sampleMessages()) {
      const copied = copyMessage(message, undefined);
      expect(copied).toEqual(structuredClone(message));
      if (typeof message === 'object' && message !== null) expect(copied).not.toBe(message);
    }
  });

  it('copies buffers it is not given, hands over those it is, and keeps shared and cyclic references', () => {
    const kept = new Uint8Array([1, 2, 3]);
    const moved = new Uint8Array([4, 5, 6]);
    const inner = { x: 1 };
    const message = { kept, moved, a: inner, b: inner, list: [] as unknown[] };
    message.list.push(message);
    const copied = copyMessage(message, { transfer: [moved.buffer] }) as typeof message;
    expect(copied.kept).toEqual(kept);
    expect(copied.kept).not.toBe(kept);
    kept[0] = 9;
    expect(copied.kept[0]).toBe(1);
    expect(copied.moved).toBe(moved);
    expect(copied.a).toBe(copied.b);
    expect(copied.list[0]).toBe(copied);
  });

  it('makes class instances plain objects of their own properties, as structuredClone does', () => {
    const copied = copyMessage(new Glyph('申', 500), undefined) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(copied).toEqual({ unicode: '申', width: 500 });
    expect('doubled' in copied).toBe(false);
  });

  it('refuses functions like structuredClone does', () => {
    expect(() => copyMessage({ f: () => 1 }, undefined)).toThrow();
  });
});

describe('installLoopbackClone', () => {
  it('copies with copyMessage inside postMessage only, and puts structuredClone back', () => {
    const native = globalThis.structuredClone;
    const received: unknown[] = [];
    class Port {
      postMessage(message: unknown) {
        received.push(structuredClone(message), globalThis.structuredClone === native);
      }
    }
    installLoopbackClone(new Port());
    const message = { a: [1, { b: new Glyph('x', 1) }] };
    new Port().postMessage(message);
    expect(received).toEqual([{ a: [1, { b: { unicode: 'x', width: 1 } }] }, false]);
    expect(globalThis.structuredClone).toBe(native);
  });
});
