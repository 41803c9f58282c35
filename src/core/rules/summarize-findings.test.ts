import { describe, expect, it } from 'vitest';
import type { Finding } from './finding.ts';
import { summarizeFindings } from './summarize-findings.ts';

const finding = (severity: Finding['severity'], assessable = true) => ({ severity, assessable }) as Finding;

describe('summarizeFindings', () => {
  it('counts the findings of each severity, and those that could not be assessed across severities', () => {
    expect(
      summarizeFindings([
        finding('error'),
        finding('error', false),
        finding('warning'),
        finding('info', false),
        finding('info'),
      ]),
    ).toEqual({ errors: 2, warnings: 1, infos: 2, notAssessable: 2 });
  });

  it('gives zeros for no findings', () => {
    expect(summarizeFindings([])).toEqual({ errors: 0, warnings: 0, infos: 0, notAssessable: 0 });
  });
});
