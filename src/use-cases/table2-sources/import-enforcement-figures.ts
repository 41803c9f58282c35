import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { checkFigures } from '../../core/table2-sources/enforcement-figures.ts';
import {
  type CsvLineError,
  csvErrors,
  type FiguresCsvRow,
} from '../../core/table2-sources/parse-figures-csv.ts';
import { findAgenciesByIdOrName } from '../../store/agency-row.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  getEnforcementFigures,
  insertEnforcementFigures,
  updateEnforcementFigures,
} from '../../store/table2-sources/enforcement-statistics.repository.ts';

export interface FiguresImportResult {
  created: number;
  updated: number;
  /** Agency-years, in file order. */
  rows: Array<{ line: number; agencyId: string; year: number; action: 'created' | 'updated' }>;
}

/**
 * Imports parsed CSV lines in the caller's transaction, all or nothing: each line's agency is
 * found by id or exact name (a name two agencies share is refused), `mayWrite(trx, agencyId)` says
 * whether the user may enter figures for it, and only when every line passes are the figures
 * written (an existing agency-year is replaced, its version incremented), each audited as
 * 'import'. Throws FORBIDDEN when a line names an agency the user may not write, otherwise
 * INVALID_INPUT, either listing every bad line in details.lines.
 */
export async function importEnforcementFigures(
  trx: StoreTrx,
  rows: FiguresCsvRow[],
  mayWrite: (trx: StoreTrx, agencyId: string) => Promise<boolean>,
  actor: Actor,
  now: Moment,
): Promise<FiguresImportResult> {
  const keys = [...new Set(rows.map((r) => r.agency))];
  const agencies = await findAgenciesByIdOrName(trx, keys);
  const errors: CsvLineError[] = [];
  const forbidden: number[] = [];
  const resolved: Array<FiguresCsvRow & { agencyId: string }> = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const byId = agencies.find((a) => a.id === row.agency);
    const byName = agencies.filter((a) => a.name === row.agency);
    const agencyId = byId?.id ?? (byName.length === 1 ? byName[0]!.id : null);
    if (agencyId === null) {
      errors.push({
        line: row.line,
        message:
          byName.length > 1 ? `机关名称“${row.agency}”不唯一，请改用机关ID` : `机关“${row.agency}”不存在`,
      });
      continue;
    }
    if (!(await mayWrite(trx, agencyId))) {
      forbidden.push(row.line);
      errors.push({ line: row.line, message: `无权录入机关“${row.agency}”的统计数据` });
      continue;
    }
    const key = `${agencyId}:${row.year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line: row.line, message: `与第${first}行是同一机关同一年度` });
      continue;
    }
    seen.set(key, row.line);
    try {
      checkFigures(row.year, row.figures);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push({ line: row.line, message: error.message });
      continue;
    }
    resolved.push({ ...row, agencyId });
  }
  errors.sort((a, b) => a.line - b.line);
  if (forbidden.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      `无权录入第${forbidden.join('、')}行所列机关的统计数据：只能录入本机关的数据。未导入任何数据`,
      { lines: errors },
    );
  }
  if (errors.length > 0) throw csvErrors(errors);

  const at = now.at.toISOString();
  const result: FiguresImportResult = { created: 0, updated: 0, rows: [] };
  for (const row of resolved) {
    const before = await getEnforcementFigures(trx, row.agencyId, row.year);
    if (before === null) {
      const inserted = await insertEnforcementFigures(trx, row.agencyId, row.year, row.figures, at);
      // Entered by someone else meanwhile: refuse the whole file rather than overwrite blindly.
      if (!inserted) {
        throw new AppError(
          'CONFLICT',
          `第${row.line}行的机关年度数据刚被他人录入，未导入任何数据，请核对后重新导入`,
        );
      }
    } else {
      await updateEnforcementFigures(trx, row.agencyId, row.year, row.figures, before.version, at);
    }
    const after = await getEnforcementFigures(trx, row.agencyId, row.year);
    await appendAudit(trx, {
      agencyId: row.agencyId,
      at: now.at,
      actor,
      entity: 'enforcement-statistics',
      entityId: `${row.agencyId}:${row.year}`,
      action: 'import',
      before,
      after,
    });
    const action = before === null ? 'created' : 'updated';
    result[action] += 1;
    result.rows.push({ line: row.line, agencyId: row.agencyId, year: row.year, action });
  }
  return result;
}
