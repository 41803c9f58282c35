import { describe, expect, it } from 'vitest';
import { auditHash, auditHashOfStored, GENESIS_HASH, LEGACY_CHAIN } from './audit-hash.ts';
import { canonicalJson } from './canonical-json.ts';

const fields = {
  seq: 7,
  at: '2026-03-02T01:02:03.004Z',
  actorUserId: null,
  actorLabel: '申请人（网上申请）"引号"\\',
  entity: 'application',
  entityId: 'a1',
  action: 'register',
};

describe('auditHashOfStored', () => {
  // Snapshots whose keys are unsorted, integer-like, nested, with a Date, undefined and odd strings.
  const after = {
    z: 1,
    '10': 'ten',
    '2': 'two',
    a: { y: [3, { b: undefined, a: new Date('2026-01-01T00:00:00Z') }], x: '\u2028换行\n' },
    n: null,
  };
  const before = { trackingNumber: '2026-0001', events: [] };

  for (const chain of ['agency:x', 'system', LEGACY_CHAIN]) {
    it(`hashes what verification recomputes from the stored text (chain ${chain})`, () => {
      const afterJson = canonicalJson(after);
      const beforeJson = canonicalJson(before);
      const recomputed = auditHash(GENESIS_HASH, chain, {
        ...fields,
        before: JSON.parse(beforeJson),
        after: JSON.parse(afterJson),
      });
      expect(auditHashOfStored(GENESIS_HASH, chain, fields, beforeJson, afterJson)).toBe(recomputed);
      expect(auditHashOfStored(GENESIS_HASH, chain, fields, null, afterJson)).toBe(
        auditHash(GENESIS_HASH, chain, { ...fields, before: null, after: JSON.parse(afterJson) }),
      );
    });
  }

  it('changes with any field', () => {
    const base = auditHashOfStored(GENESIS_HASH, 'system', fields, null, '{}');
    expect(auditHashOfStored(GENESIS_HASH, 'system', { ...fields, seq: 8 }, null, '{}')).not.toBe(base);
    expect(auditHashOfStored(GENESIS_HASH, 'agency:x', fields, null, '{}')).not.toBe(base);
    expect(auditHashOfStored(GENESIS_HASH, 'system', fields, '{}', '{}')).not.toBe(base);
  });
});
