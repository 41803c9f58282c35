import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  List,
  Modal,
  Popconfirm,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { REPORT_ACTION_LABELS, type ReportAction } from '../../../core/report/report-workflow.ts';
import { ApiError, api, download, messageOf, saveFile } from '../../api/client.ts';
import type { ReportList, ReportSummary, ReportView } from '../../api/types.ts';
import { SeverityTag } from '../../components/severity-tag.tsx';
import { useSession } from '../../layout/session.tsx';
import { FiguresForm } from './figures-form.tsx';
import { PublishButton } from './publish-button.tsx';
import { ReportHistory } from './report-history.tsx';
import { STATUS_COLORS } from './report-list.tsx';
import { ReportTables } from './report-tables.tsx';
import { useNarrativeDraft } from './use-narrative-draft.ts';

const SECTIONS = [
  { key: 'overview', caption: '一、总体情况' },
  { key: 'problems', caption: '五、存在的主要问题及改进情况' },
  { key: 'other', caption: '六、其他需要报告的事项' },
] as const;
type SectionKey = (typeof SECTIONS)[number]['key'];

/**
 * One version of an agency's annual report: the official tables (computed from the records, read
 * only) with findings beside the cells, the narrative sections (editable in a draft, with the
 * offered first draft), the workflow steps the user may take, downloads, versions and audit trail.
 */
export function ReportEditorPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const session = useSession();
  const navigate = useNavigate();
  const agencyId = params.get('agency') ?? session.user.agencyId ?? '';
  const base = `/agencies/${encodeURIComponent(agencyId)}/reports`;
  const [view, setView] = useState<ReportView | null>(null);
  const [versions, setVersions] = useState<ReportSummary[]>([]);
  const [sections, setSections] = useState<Record<SectionKey, string>>({
    overview: '',
    problems: '',
    other: '',
  });
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [askReason, setAskReason] = useState<'return' | 'correct' | null>(null);
  const [reason, setReason] = useState('');

  // Every version shown is followed by the year's version list, so that its cards say the state
  // the step just caused (a failure to list leaves the old list; the page itself is current).
  const show = useCallback(
    (v: ReportView) => {
      setView(v);
      setSections({ ...v.report.sections });
      setDirty(false);
      api
        .get<ReportList>(`${base}?year=${v.year}`)
        .then((list) => setVersions(list.items))
        .catch(() => undefined);
    },
    [base],
  );

  const load = useCallback(async () => {
    if (!id) return;
    try {
      show(await api.get<ReportView>(`${base}/${encodeURIComponent(id)}`));
    } catch (e) {
      setFailure(messageOf(e));
    }
  }, [id, base, show]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (what: string, action: () => Promise<void>) => {
    if (busy) return;
    setBusy(what);
    setFailure(null);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setFailure(
        e instanceof ApiError && e.status === 409 ? `${e.message}（请刷新页面查看最新内容）` : messageOf(e),
      );
    } finally {
      setBusy(null);
    }
  };
  const { takeDraft, takeNarrative, replacesText } = useNarrativeDraft({
    reportPath: view ? `${base}/${view.id}` : base,
    sections,
    take: (drafted) => {
      setSections((v) => ({ ...v, ...drafted }));
      setDirty(true);
    },
    run,
    notify: setNotice,
  });

  if (!view)
    return failure ? (
      <Alert type="error" showIcon title={failure} role="alert" />
    ) : (
      <Spin description="正在加载……" />
    );
  const can = (a: ReportAction) => view.allowedActions.includes(a);
  const editable = can('edit');

  const saveSections = () =>
    run('save', async () => {
      show(
        await api.patch<ReportView>(`${base}/${view.id}/sections`, {
          expectedRevision: view.revision,
          ...sections,
        }),
      );
      setNotice('已保存');
    });
  const transition = (action: 'submit' | 'approve' | 'publish' | 'return', why?: string) =>
    run(action, async () => {
      if (dirty) throw new ApiError(0, 'DIRTY', '正文有未保存的修改：请先保存');
      show(
        await api.post<ReportView>(`${base}/${view.id}/transitions`, {
          action,
          expectedRevision: view.revision,
          ...(why ? { reason: why } : {}),
        }),
      );
      setNotice(`已${REPORT_ACTION_LABELS[action]}`);
    });
  const reassemble = () =>
    run('reassemble', async () => {
      show(await api.post<ReportView>(`${base}/${view.id}/reassemble`, { expectedRevision: view.revision }));
      setNotice('已按台账重新汇总表格数据');
    });
  const correct = (why: string) =>
    run('correct', async () => {
      const created = await api.post<ReportView>(`${base}/${view.id}/corrections`, { reason: why });
      navigate(`/workspace/reports/${created.id}?agency=${agencyId}`);
    });
  const fetchDocument = (format: 'docx' | 'pdf' | 'html') =>
    run(format, async () => {
      const { blob, fileName } = await download(`${base}/${view.id}/document?format=${format}`);
      saveFile(blob, fileName);
    });

  const errors = view.findings.filter((f) => f.severity === 'error').length;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/workspace/reports">← 返回年度报告</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {view.agencyName} {view.year}年政府信息公开工作年度报告
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 4 }} bordered>
        <Descriptions.Item label="状态">
          <Tag color={STATUS_COLORS[view.status]}>{view.statusLabel}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="版本">第{view.version}版</Descriptions.Item>
        <Descriptions.Item label="公布期限">
          {view.deadline}
          {view.lateIfPublishedToday && (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              已过期限，尚未发布
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="发布日期">
          {view.publishedOn ?? '—'}
          {view.late && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              逾期发布
            </Tag>
          )}
        </Descriptions.Item>
        {view.correctionReason && (
          <Descriptions.Item label="更正理由" span={4}>
            {view.correctionReason}
          </Descriptions.Item>
        )}
        {view.returnReason && (
          <Descriptions.Item label="退回理由" span={4}>
            {view.returnReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      {failure && (
        <Alert type="error" showIcon title={failure} role="alert" closable onClose={() => setFailure(null)} />
      )}
      {notice && <Alert type="success" showIcon title={notice} closable onClose={() => setNotice(null)} />}
      <Space wrap>
        {can('submit') && (
          <Button
            type="primary"
            loading={busy === 'submit'}
            onClick={() => void transition('submit')}
            disabled={errors > 0}
          >
            提交审核
          </Button>
        )}
        {can('approve') && (
          <Button type="primary" loading={busy === 'approve'} onClick={() => void transition('approve')}>
            审核通过
          </Button>
        )}
        {can('publish') && (
          <PublishButton
            lateIfPublishedToday={view.lateIfPublishedToday}
            deadline={view.deadline}
            busy={busy === 'publish'}
            onPublish={() => void transition('publish')}
          />
        )}
        {can('return') && <Button onClick={() => setAskReason('return')}>退回修改</Button>}
        {can('reassemble') && (
          <Button loading={busy === 'reassemble'} onClick={() => void reassemble()}>
            重新汇总表格数据
          </Button>
        )}
        {can('correct') && <Button onClick={() => setAskReason('correct')}>更正（生成新版本）</Button>}
        <Button loading={busy === 'docx'} onClick={() => void fetchDocument('docx')}>
          下载 DOCX
        </Button>
        <Button loading={busy === 'pdf'} onClick={() => void fetchDocument('pdf')}>
          下载 PDF
        </Button>
        <Button loading={busy === 'html'} onClick={() => void fetchDocument('html')}>
          下载 HTML
        </Button>
      </Space>
      {can('submit') && errors > 0 && (
        <Alert type="warning" showIcon title={`核查发现 ${errors} 个错误，改正后才能提交审核。`} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" title="正文">
            {SECTIONS.map((s) => (
              <div key={s.key} style={{ marginBottom: 16 }}>
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <label htmlFor={`section-${s.key}`} style={{ fontWeight: 600 }}>
                    {s.caption}
                  </label>
                  {s.key === 'overview' && editable && (
                    <Space size="small" wrap>
                      <Popconfirm
                        title="按台账起草第一、六部分"
                        description="起草的文字将替换第一部分和第六部分现有内容（保存前可以修改或放弃）。"
                        okText="起草"
                        cancelText="取消"
                        onConfirm={() => void takeNarrative()}
                        disabled={!replacesText}
                      >
                        <Button
                          size="small"
                          type="primary"
                          ghost
                          loading={busy === 'narrative'}
                          onClick={() => {
                            if (!replacesText) void takeNarrative();
                          }}
                        >
                          按台账起草第一、六部分
                        </Button>
                      </Popconfirm>
                      <Button size="small" loading={busy === 'draft'} onClick={() => void takeDraft()}>
                        按表格数据起草统计段落
                      </Button>
                    </Space>
                  )}
                </Space>
                <Input.TextArea
                  id={`section-${s.key}`}
                  value={sections[s.key]}
                  readOnly={!editable}
                  autoSize={{ minRows: 4, maxRows: 24 }}
                  onChange={(e) => {
                    setSections((v) => ({ ...v, [s.key]: e.target.value }));
                    setDirty(true);
                  }}
                />
              </div>
            ))}
            {editable && (
              <Button
                type="primary"
                onClick={() => void saveSections()}
                loading={busy === 'save'}
                disabled={!dirty}
              >
                保存正文
              </Button>
            )}
          </Card>
          <Card size="small" title="统计表（由台账汇总，不能手工修改）" style={{ marginTop: 16 }}>
            {can('reassemble') && view.origin === 'assembled' && (
              <div style={{ marginBottom: 16 }}>
                <Typography.Paragraph type="secondary">
                  表二第（五）（六）（八）项不来自台账，请录入本年度数据（不填为空白，空白不等于0）：
                </Typography.Paragraph>
                <FiguresForm
                  agencyId={agencyId}
                  year={view.year}
                  onSaved={async () => {
                    show(
                      await api.post<ReportView>(`${base}/${view.id}/reassemble`, {
                        expectedRevision: view.revision,
                      }),
                    );
                    setNotice('已保存统计数据并重新汇总表格');
                  }}
                />
              </div>
            )}
            <ReportTables report={view.report} findings={view.findings} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={`核查结果（${view.findings.length}）`}>
            {dirty && (
              <Alert
                type="info"
                showIcon
                title="正文有未保存的修改：核查结果针对已保存的内容，保存后更新。"
                style={{ marginBottom: 8 }}
              />
            )}
            {view.findings.length === 0 ? (
              <Typography.Text type="success">未发现问题</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={view.findings}
                renderItem={(f) => (
                  <List.Item>
                    <div>
                      <SeverityTag severity={f.severity} />
                      <Typography.Text type="secondary">
                        {f.ruleId}　{f.where}
                      </Typography.Text>
                      <div>{f.message}</div>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
          <ReportHistory versions={versions} agencyId={agencyId} view={view} />
        </Col>
      </Row>
      <Modal
        open={askReason !== null}
        title={askReason === 'return' ? '退回修改的理由' : '更正的理由（记入新版本）'}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setAskReason(null)}
        onOk={() => {
          const why = reason.trim();
          const what = askReason;
          setAskReason(null);
          setReason('');
          if (what === 'return') void transition('return', why);
          else void correct(why);
        }}
      >
        <Input.TextArea
          aria-label="理由"
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
        />
      </Modal>
    </Space>
  );
}
