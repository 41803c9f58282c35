import { Alert, Button, Descriptions, Space, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, messageOf, upload } from '../../api/client.ts';
import { LabelledYearInput } from '../../components/labelled-year-input.tsx';
import { FiguresForm } from '../reports/figures-form.tsx';
import type { ImportFiguresResult, Table2View } from './table2-types.ts';

type Table2 = Table2View['table2'];
type Stock = Table2['regulations'];

const shown = (n: number | null) => (n === null ? '未填写' : String(n));

/**
 * Table 二 of a year as the registers count it, the year's enforcement figures (the report
 * editor's form) and the CSV import of figures. `refresh` changes when the documents change.
 */
export function Table2Panel(props: { agencyId: string; canHandle: boolean; refresh: number }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const [table, setTable] = useState<Table2 | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<string | null>(null);
  const [figuresKey, setFiguresKey] = useState(0);

  const load = useCallback(async () => {
    setFailure(null);
    try {
      const r = await api.get<Table2View>(`/agencies/${encodeURIComponent(props.agencyId)}/table2/${year}`);
      setTable(r.table2);
    } catch (e) {
      setFailure(messageOf(e));
    }
  }, [props.agencyId, year]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is the reload trigger.
  useEffect(() => {
    void load();
  }, [load, props.refresh]);

  const importCsv = async (file: File) => {
    if (importing) return;
    setImporting(true);
    setImported(null);
    setFailure(null);
    try {
      const r = await upload<ImportFiguresResult>(
        '/enforcement-statistics/import',
        file,
        () => undefined,
        'text/csv',
      );
      setImported(`已导入：新增 ${r.created} 条，更新 ${r.updated} 条`);
      setFiguresKey((k) => k + 1);
      await load();
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setImporting(false);
    }
  };

  const stock = (label: string, s: Stock) => (
    <>
      <Descriptions.Item label={`${label} 本年制发`}>{shown(s.issued)}</Descriptions.Item>
      <Descriptions.Item label={`${label} 本年废止`}>{shown(s.repealed)}</Descriptions.Item>
      <Descriptions.Item label={`${label} 现行有效`}>{shown(s.inForce)}</Descriptions.Item>
    </>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <LabelledYearInput id="table2-year" value={year} onChange={setYear} />
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      {table && (
        <Descriptions bordered size="small" column={3} title={`${year}年 表二（由台账统计）`}>
          {stock('规章', table.regulations)}
          {stock('行政规范性文件', table.normativeDocuments)}
          <Descriptions.Item label="行政许可">{shown(table.licensing)}</Descriptions.Item>
          <Descriptions.Item label="行政处罚">{shown(table.punishment)}</Descriptions.Item>
          <Descriptions.Item label="行政强制">{shown(table.coercion)}</Descriptions.Item>
          <Descriptions.Item label="行政事业性收费（万元）">{shown(table.feesWanYuan)}</Descriptions.Item>
        </Descriptions>
      )}
      {props.canHandle && (
        <>
          <Typography.Text strong>{year}年 行政许可、处罚、强制决定数和行政事业性收费</Typography.Text>
          <FiguresForm key={`${year}-${figuresKey}`} agencyId={props.agencyId} year={year} onSaved={load} />
          <Space wrap>
            <Upload
              accept=".csv,text/csv"
              showUploadList={false}
              disabled={importing}
              beforeUpload={(file) => {
                void importCsv(file);
                return false;
              }}
            >
              <Button loading={importing}>从 CSV 导入统计数据</Button>
            </Upload>
            <Typography.Text type="secondary">
              列：机关,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）；UTF-8 或
              GBK；任何一行有误则全部不导入
            </Typography.Text>
          </Space>
          {imported && <Alert type="success" showIcon title={imported} />}
        </>
      )}
    </Space>
  );
}
