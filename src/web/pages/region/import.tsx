import { InboxOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  InputNumber,
  Progress,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { zipSync } from 'fflate';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import { isJobFinished, JOB_STATE_LABELS } from '../../../core/jobs/job.ts';
import { PAGE_IMAGE_EXTENSIONS, REPORT_FILE_EXTENSIONS } from '../../../core/report/report-file-types.ts';
import type { previewResponse } from '../../../server/routes/imports/imports.schema.ts';
import { api, messageOf, upload } from '../../api/client.ts';
import { RegionSelect } from '../../components/region-select.tsx';
import { useSession } from '../../layout/session.tsx';
import { whileBusy } from '../while-busy.ts';
import { ImportAgencyChoice, useRegionAgencies } from './import-agency-choice.tsx';
import { PlannedFileName } from './import-file-name.tsx';
import { ImportReading } from './import-reading.tsx';
import { useVisibleRegions } from './use-regions.ts';

type Preview = z.output<typeof previewResponse>;
type PlannedFile = Preview['files'][number];
type Summary = NonNullable<Preview['summary']>;
type ImportJob = NonNullable<Preview['job']>;

/** How often the page asks how the import job is doing. */
const POLL_MS = 1000;

const PLAN_TAGS = {
  ready: ['blue', '待导入'],
  duplicate: ['default', '已导入过'],
  skipped: ['red', '跳过'],
  imported: ['green', '已导入'],
} as const;

/** How many of the imported reports were read from scans, and the cells OCR left to check. */
function scannedLine(summary: Summary): string[] {
  const scans = summary.files.flatMap((f) => (f.status === 'imported' && f.scan ? [f.scan] : []));
  if (scans.length === 0) return [];
  const corrected = scans.reduce((n, s) => n + s.cellsCorrected, 0);
  const unreadable = scans.reduce((n, s) => n + s.cellsUnreadable, 0);
  return [
    `其中扫描件 ${scans.length} 份（文字识别读取），按勾稽关系校正单元格 ${corrected} 个，无法识别 ${unreadable} 个，请在报告详情中核对`,
  ];
}

/**
 * Import of published report files: drop many files or a zip, see what each one was recognised
 * as (agency, year, match, findings) and confirm; a file imported before is recognised.
 */
export function RegionImportPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const { regions } = useVisibleRegions(session.user.role === 'admin' ? null : session.user.regionId);
  const [code, setCode] = useState<string | null>(params.get('region'));
  const [year, setYear] = useState<number | null>(null);
  const [createAgencies, setCreateAgencies] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [jobBatch, setJobBatch] = useState<string | null>(null);
  // A batch whose preview a job is reading (files, scans page by page), until its preview is ready.
  const [reading, setReading] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Agency chosen in the preview for a name printed in reports (name → agency id), and the mapping
  // the current preview was made with: a changed choice is previewed again before confirming.
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [applied, setApplied] = useState<Record<string, string>>({});
  const regionId = regions.find((r) => r.code === code)?.id ?? null;
  const agencies = useRegionAgencies(regionId);

  useEffect(() => {
    if (!code && regions.length > 0)
      setCode((regions.find((r) => r.id === session.user.regionId) ?? regions[0])!.code);
  }, [regions, code, session.user.regionId]);

  // The confirmed batch's job: polled until it has finished, then its summary is shown.
  useEffect(() => {
    if (!jobBatch) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const batch = await api.get<Preview>(`/imports/${jobBatch}`);
        if (stopped) return;
        setJob(batch.job);
        if (batch.job && isJobFinished(batch.job.state)) {
          setSummary(batch.summary);
          if (batch.job.state === 'failed') setFailure(`导入未全部完成：${batch.job.error ?? ''}`);
          setJobBatch(null);
          return;
        }
      } catch (e) {
        if (!stopped) setFailure(messageOf(e));
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobBatch]);

  // The batch being read: polled until its job has read every file, then its preview is shown.
  const readingBatch = reading?.batchId ?? null;
  useEffect(() => {
    if (!readingBatch) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const batch = await api.get<Preview>(`/imports/${readingBatch}`);
        if (stopped) return;
        if (!batch.job || isJobFinished(batch.job.state)) {
          if (batch.job?.state === 'failed') setFailure(`读取未全部完成：${batch.job.error ?? ''}`);
          setReading(null);
          setPreview(batch);
          return;
        }
        setReading(batch);
      } catch (e) {
        if (!stopped) setFailure(messageOf(e));
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [readingBatch]);

  const send = async (mapping: Record<string, string> = choices) => {
    if (!code || files.length === 0 || busy || reading) return;
    setBusy(true);
    setFailure(null);
    setPreview(null);
    setSummary(null);
    setJob(null);
    try {
      const originals = files.map((f) => f.originFileObj as File);
      let body: Blob;
      let filename: string;
      if (originals.length === 1) {
        body = originals[0]!;
        filename = originals[0]!.name;
      } else {
        // Several files travel as one zip: one batch to preview and confirm.
        const entries: Record<string, Uint8Array> = {};
        for (const f of originals) entries[f.name] = new Uint8Array(await f.arrayBuffer());
        body = new Blob([zipSync(entries, { level: 0 }) as BlobPart]);
        filename = `${originals.length}份报告.zip`;
      }
      // Read by a job: each file's progress (a scan's OCR page by page) is shown while it is read.
      const query = new URLSearchParams({ region: code, filename, read: 'job' });
      if (year) query.set('year', String(year));
      if (createAgencies) query.set('createAgencies', 'true');
      for (const [name, agencyId] of Object.entries(mapping)) query.append('map', `${name}=${agencyId}`);
      setApplied(mapping);
      setProgress(0);
      const started = await upload<Preview>(`/imports?${query}`, body, setProgress);
      if (started.reading) setReading(started);
      else setPreview(started);
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setProgress(null);
      setBusy(false);
    }
  };

  const finish = async (action: 'confirm' | 'cancel') => {
    if (!preview || busy) return;
    await whileBusy(setBusy, setFailure, async () => {
      if (action === 'confirm') {
        const confirmed = await api.post<Preview>(`/imports/${preview.batchId}/confirm`);
        setJob(confirmed.job);
        setJobBatch(confirmed.batchId);
      } else await api.post(`/imports/${preview.batchId}/cancel`);
      setPreview(null);
      setFiles([]);
    });
  };

  const choose = (name: string, agencyId: string | undefined) =>
    setChoices(({ [name]: _old, ...rest }) => (agencyId ? { ...rest, [name]: agencyId } : rest));
  // A choice that differs from what the preview shows: the preview is made again with it first.
  const changed =
    preview !== null &&
    (preview.files.some((f) => {
      const chosen = f.recognisedAgency === null ? undefined : choices[f.recognisedAgency];
      return chosen !== undefined && chosen !== f.agencyId;
    }) ||
      Object.keys(applied).some((name) => choices[name] === undefined));
  const previewAgain = async () => {
    if (!preview || busy) return;
    await whileBusy(setBusy, setFailure, () => api.post(`/imports/${preview.batchId}/cancel`));
    await send(choices);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/workspace/region">← 返回地区总览</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        导入已发布的年度报告
      </Typography.Title>
      {failure && (
        <Alert type="error" showIcon title={failure} role="alert" closable onClose={() => setFailure(null)} />
      )}
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <RegionSelect label="行政区划" regions={regions} value={code} onChange={setCode} />
            <InputNumber
              aria-label="只导入年度"
              placeholder="只导入某年度（可不填）"
              min={2008}
              max={2100}
              value={year}
              onChange={setYear}
              style={{ width: 200 }}
            />
            <Checkbox checked={createAgencies} onChange={(e) => setCreateAgencies(e.target.checked)}>
              本地区没有的机关，确认导入时新建
            </Checkbox>
          </Space>
          <Upload.Dragger
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
            accept={[...REPORT_FILE_EXTENSIONS, ...PAGE_IMAGE_EXTENSIONS, '.zip'].join(',')}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">把报告文件或 zip 压缩包拖到这里，或点击选择</p>
            <p className="ant-upload-hint">
              支持 txt、Markdown、HTML、DOCX、PDF
              和扫描件；可一次选择多个文件。扫描件的页面图片（JPG、PNG、TIFF）
              按文件名顺序作为一份报告的各页：一次选择一份报告的全部页面，或在 zip 中每份报告一个文件夹
            </p>
          </Upload.Dragger>
          {progress !== null && (
            <Progress percent={Math.round(progress * 100)} status="active" aria-label="上传进度" />
          )}
          {busy && progress === null && !preview && !reading && (
            <Typography.Text>正在逐份读取和核查……</Typography.Text>
          )}
          <Button
            type="primary"
            onClick={() => void send()}
            disabled={files.length === 0 || !code || reading !== null}
            loading={(busy && !preview) || reading !== null}
          >
            上传并预览
          </Button>
        </Space>
      </Card>
      {reading && <ImportReading batch={reading} />}
      {preview && (
        <Card size="small" title="预览：请核对每份报告识别出的机关和年度">
          <Space size="large" style={{ marginBottom: 12 }}>
            <Statistic title="待导入" value={preview.counts.ready} />
            <Statistic title="已导入过" value={preview.counts.duplicate} />
            <Statistic title="跳过" value={preview.counts.skipped} />
          </Space>
          <Table<PlannedFile>
            rowKey="name"
            size="small"
            dataSource={preview.files}
            pagination={{ pageSize: 50 }}
            columns={[
              { title: '文件', render: (_: unknown, f) => <PlannedFileName file={f} /> },
              {
                title: '状态',
                dataIndex: 'status',
                render: (s: PlannedFile['status']) => <Tag color={PLAN_TAGS[s][0]}>{PLAN_TAGS[s][1]}</Tag>,
              },
              { title: '报告中的机关', dataIndex: 'recognisedAgency' },
              { title: '年度', dataIndex: 'year' },
              {
                title: '对应机关',
                render: (_: unknown, f) => {
                  if (f.match === 'new-agency') return <Tag color="purple">新建</Tag>;
                  const name = f.recognisedAgency;
                  if (name === null || !(f.needsAgency || f.match === 'former-name' || f.match === 'mapping'))
                    return f.agencyName ?? '—';
                  return (
                    <Space direction="vertical" size={2}>
                      <ImportAgencyChoice
                        printedName={name}
                        agencies={agencies}
                        value={choices[name] ?? f.agencyId ?? undefined}
                        onChange={(id) => choose(name, id)}
                      />
                      {f.match === 'former-name' && <Tag color="gold">按曾用名对应</Tag>}
                    </Space>
                  );
                },
              },
              { title: '错误/提醒', render: (_: unknown, f) => `${f.errorCount} / ${f.warningCount}` },
              { title: '原因', dataIndex: 'reason' },
            ]}
          />
          {preview.files.some((f) => f.needsAgency) && !changed && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="有的报告对应不到本地区的机关（可能已更名或合并）：在“对应机关”中选择后重新预览，即可一并导入"
            />
          )}
          {changed && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="对应机关已更改：请按所选机关重新预览，核对后再确认导入"
            />
          )}
          <Space wrap>
            {changed && (
              <Button type="primary" onClick={() => void previewAgain()} loading={busy}>
                按所选机关重新预览
              </Button>
            )}
            <Button
              type={changed ? 'default' : 'primary'}
              onClick={() => void finish('confirm')}
              loading={busy}
              disabled={preview.counts.ready === 0 || changed}
            >
              确认导入 {preview.counts.ready} 份
            </Button>
            <Button onClick={() => void finish('cancel')} disabled={busy}>
              取消
            </Button>
          </Space>
        </Card>
      )}
      {job && !summary && (
        <Card size="small" title={`${job.label}：${JOB_STATE_LABELS[job.state]}`}>
          <Progress
            percent={job.total === 0 ? 100 : Math.floor((job.done / job.total) * 100)}
            status={job.state === 'failed' ? 'exception' : 'active'}
            aria-label="导入进度"
          />
          <Typography.Text>
            已处理 {job.done} / {job.total} 个文件{job.message ? `：${job.message}` : ''}
          </Typography.Text>
        </Card>
      )}
      {summary && (
        <Alert
          type={job?.state === 'failed' ? 'warning' : 'success'}
          showIcon
          title={`${job?.state === 'failed' ? '导入中断，已完成的部分' : '导入完成'}：新导入 ${summary.imported} 份，已导入过 ${summary.alreadyImported} 份，跳过 ${summary.skipped} 份`}
          description={[
            ...scannedLine(summary),
            ...summary.files.filter((f) => f.status === 'skipped').map((f) => `${f.name}：${f.reason ?? ''}`),
          ].join('；')}
        />
      )}
    </Space>
  );
}
