import { describe, expect, it } from 'vitest';
import {
  idNumberProblem,
  inferIdType,
  normaliseIdNumber,
  requestedFormLabel,
  residentIdCheckCharacter,
  usccCheckCharacter,
} from './applicant-identity.ts';

/** Published examples: GB 11643-1999's 11010519491231002X and GB 32100-2015's 91350100M000100Y43. */
describe('identity numbers', () => {
  it('computes the check characters of the standards’ own examples', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('accepts valid numbers, written with spaces or a lower-case x', () => {
    expect(idNumberProblem('resident-id', normaliseIdNumber('110105 19491231 002x'))).toBeNull();
    expect(idNumberProblem('uscc', '91350100M000100Y43')).toBeNull();
    expect(idNumberProblem('passport', 'E12345678')).toBeNull();
    expect(idNumberProblem('other', '军字第123号')).toBeNull();
  });

  it('refuses “12345”, a wrong check character and an impossible birth date, saying which', () => {
    expect(idNumberProblem('resident-id', '12345')).toContain('应为18位');
    expect(idNumberProblem('resident-id', '110105194912310021')).toContain('校验位不正确');
    // 1949-02-30 does not exist (check character computed for these 17 digits).
    const feb30 = `11010519490230002`;
    expect(idNumberProblem('resident-id', `${feb30}${residentIdCheckCharacter(feb30)}`)).toContain(
      '不是有效日期',
    );
    expect(idNumberProblem('uscc', '91350100M000100Y44')).toContain('校验位不正确');
    expect(idNumberProblem('uscc', '91350100M000100I43')).toContain('不含I、O、S、V、Z');
    expect(idNumberProblem('passport', 'E1')).toContain('5至20位');
  });

  it('infers the type only of a number valid as a 身份证 or a 统一社会信用代码', () => {
    expect(inferIdType('11010519491231002X')).toBe('resident-id');
    expect(inferIdType('91350100M000100Y43')).toBe('uscc');
    expect(inferIdType('12345')).toBeNull();
  });

  it('says the requested form in words', () => {
    expect(requestedFormLabel({ media: ['paper'], delivery: ['post', 'email'] })).toBe(
      '纸质文本；邮寄、电子邮件',
    );
    expect(requestedFormLabel({ media: [], delivery: ['pickup'] })).toBe('当面领取');
    expect(requestedFormLabel({ media: [], delivery: [] })).toBeNull();
    expect(requestedFormLabel(null)).toBeNull();
  });
});
