import { Alert, Button, DatePicker, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../../api/client.ts';
import { emptyHint } from '../../components/empty-hint.tsx';
import { CalendarEntry } from './calendar-entry.tsx';
import type {
  CalendarView,
  CalendarYear,
  HolidayRangeView,
  ParsedSchedule,
  SavedSchedule,
} from './calendar-types.ts';
import { YearCalendarPreview } from './year-calendar-preview.tsx';

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

function rangeText(range: HolidayRangeView): string {
  return range.from === range.to
    ? `${range.name} ${monthDay(range.from)}`
    : `${range.name} ${monthDay(range.from)}至${monthDay(range.to)}`;
}

/**
 * 节假日安排: the years the working-day calendar knows, and the entry of a new year's arrangement
 * (pasted notice or hand entry → preview on a calendar → confirmation). Saving recomputes the
 * deadlines of the open applications that ran into that year (the server reports how many).
 */
export function CalendarTab() {
  const [view, setView] = useState<CalendarView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [entering, setEntering] = useState(false);
  const [preview, setPreview] = useState<ParsedSchedule | null>(null);
  const [issuedOn, setIssuedOn] = useState<Dayjs | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .get<CalendarView>('/calendar')
      .then(setView)
      .catch((e: unknown) => setFailure(messageOf(e)));
  }, []);
  useEffect(load, [load]);

  const nextYear = view
    ? Math.max(...view.years.map((y) => y.year), Number(view.today.slice(0, 4))) + 1
    : 2027;

  const save = async () => {
    if (!preview || saving) return;
    const date = preview.issuedOn ?? issuedOn?.format('YYYY-MM-DD') ?? null;
    if (!date) {
      setFailure('请填写通知的发布日期');
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const result = await api.post<SavedSchedule>('/calendar', { schedule: { ...preview, issuedOn: date } });
      setSaved(
        `已保存${result.year}年节假日安排。${result.recomputed > 0 ? `${result.recomputed}件未办结申请的答复期限已按新安排重新计算。` : '没有需要重新计算期限的未办结申请。'}`,
      );
      setPreview(null);
      setEntering(false);
      load();
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        工作日按国务院办公厅每年发布的部分节假日安排通知计算（含调休上班日）。尚未录入的年度，期限按《全国年节及纪念日放假办法》规定的法定节假日和周末暂定计算，并在各处标注“暂定”；录入后，相关未办结申请的期限立即重新计算并记入办理记录。
      </Typography.Paragraph>
      {view?.nextYearMissing && (
        <Alert
          type="warning"
          showIcon
          title={`${Number(view.today.slice(0, 4)) + 1}年节假日安排尚未录入`}
          description="国务院办公厅通知发布后，请在此粘贴通知全文或逐项录入。"
        />
      )}
      {saved && (
        <Alert type="success" showIcon title={saved} role="status" closable onClose={() => setSaved(null)} />
      )}
      {failure && (
        <Alert type="error" showIcon title={failure} role="alert" closable onClose={() => setFailure(null)} />
      )}
      <Table<CalendarYear>
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={view?.years ?? []}
        locale={emptyHint(
          '尚未录入节假日安排。每年国务院办公厅发布次年放假通知后，点“录入新年度节假日安排”粘贴通知全文。',
        )}
        loading={view === null && failure === null}
        columns={[
          { title: '年度', dataIndex: 'year', width: 70 },
          {
            title: '通知',
            render: (_, y) => (
              <>
                <div>{y.title}</div>
                <Typography.Text type="secondary">
                  {y.documentNumber ?? '文号未录入'} · {y.issuedOn}
                </Typography.Text>
              </>
            ),
          },
          { title: '放假', render: (_, y) => y.holidays.map(rangeText).join('；') },
          { title: '调休上班', render: (_, y) => y.makeUpWorkdays.map(monthDay).join('、') || '无' },
          {
            title: '来源',
            width: 170,
            render: (_, y) =>
              y.source === 'built-in' ? (
                <Tag>系统内置</Tag>
              ) : (
                <>
                  <Tag color="blue">录入</Tag>
                  <Typography.Text type="secondary">
                    {y.enteredBy ?? ''} {y.enteredAt ? y.enteredAt.slice(0, 10) : ''}
                  </Typography.Text>
                </>
              ),
          },
        ]}
      />
      {!entering && !preview && (
        <Button type="primary" onClick={() => setEntering(true)}>
          录入新年度节假日安排
        </Button>
      )}
      {entering && !preview && (
        <CalendarEntry
          defaultYear={nextYear}
          onParsed={(schedule) => {
            setFailure(null);
            setIssuedOn(null);
            setPreview(schedule);
          }}
        />
      )}
      {preview && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Title level={5}>请核对{preview.year}年节假日安排，确认无误后保存</Typography.Title>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="通知">{preview.title}</Descriptions.Item>
            <Descriptions.Item label="文号">{preview.documentNumber ?? '未录入'}</Descriptions.Item>
            <Descriptions.Item label="发布日期">
              {preview.issuedOn ?? (
                <DatePicker aria-label="通知发布日期" value={issuedOn} onChange={(d) => setIssuedOn(d)} />
              )}
            </Descriptions.Item>
            <Descriptions.Item label="放假">{preview.holidays.map(rangeText).join('；')}</Descriptions.Item>
            <Descriptions.Item label="调休上班">
              {preview.makeUpWorkdays.map(monthDay).join('、') || '无'}
            </Descriptions.Item>
          </Descriptions>
          <YearCalendarPreview
            year={preview.year}
            holidays={preview.holidays}
            makeUpWorkdays={preview.makeUpWorkdays}
          />
          <Space>
            <Button type="primary" onClick={save} loading={saving}>
              确认保存
            </Button>
            <Button onClick={() => setPreview(null)}>返回修改</Button>
          </Space>
        </Space>
      )}
    </Space>
  );
}
