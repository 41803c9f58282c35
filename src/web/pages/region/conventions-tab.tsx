import { Alert, Button, Card, Popconfirm, Radio, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { conventionsResponse } from '../../../server/routes/region/region-conventions.schema.ts';
import { api, messageOf } from '../../api/client.ts';

type Conventions = z.output<typeof conventionsResponse>;
type Rule = Conventions['mixedOutcomes']['effective'];
/** The radio's value: a rule of the region's own, or inheriting. */
type Choice = Rule | 'inherit';

/** The choice a region's conventions show: its own rule, or inheriting. */
const choiceOf = (c: Conventions): Choice => c.mixedOutcomes.own ?? 'inherit';

/**
 * The region's counting conventions (DOMAIN.md's project conventions): today how an application
 * whose items had different outcomes is counted (§A.6). Regions below inherit unless they choose.
 */
export function RegionConventionsTab({ code, regionName }: { code: string; regionName: string }) {
  const [conventions, setConventions] = useState<Conventions | null>(null);
  const [choice, setChoice] = useState<Choice>('inherit');
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const url = `/region/regions/${encodeURIComponent(code)}/conventions`;

  useEffect(() => {
    let current = true;
    setConventions(null);
    setFailure(null);
    setSaved(false);
    api
      .get<Conventions>(url)
      .then((c) => {
        if (!current) return;
        setConventions(c);
        setChoice(choiceOf(c));
      })
      .catch((e: unknown) => current && setFailure(messageOf(e)));
    return () => {
      current = false;
    };
  }, [url]);

  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const c = await api.put<Conventions>(url, { mixedOutcomes: choice === 'inherit' ? null : choice });
      setConventions(c);
      setChoice(choiceOf(c));
      setSaved(true);
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (!conventions) return failure ? <Alert type="error" showIcon title={failure} /> : <Spin />;
  const m = conventions.mixedOutcomes;
  const labelOf = (rule: Rule) => m.options.find((o) => o.value === rule)?.label ?? rule;
  const unchanged = choice === (m.own ?? 'inherit');
  return (
    <Card size="small" title="申请多项内容且结果不同时如何统计（表三）">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          现行口径：{labelOf(m.effective)}
          {m.from ? `（由${m.from.name}设定）` : '（各级均未设定，执行推荐口径）'}
        </Typography.Paragraph>
        <Radio.Group
          aria-label="统计口径"
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value as Choice);
            setSaved(false);
          }}
        >
          <Space direction="vertical">
            <Radio value="inherit">沿用上级地区的口径</Radio>
            {m.options.map((o) => (
              <Radio key={o.value} value={o.value}>
                {o.label}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
        {saved && <Alert type="success" showIcon title="已保存，并记入审计日志。" />}
        <Popconfirm
          title={`设置${regionName}的统计口径？`}
          description="此后本地区及未自行设定口径的下级地区，各机关记录答复时按新口径；已记录的答复不重新计算。"
          okText="确认设置"
          cancelText="取消"
          onConfirm={() => void save()}
          disabled={unchanged}
        >
          <Button type="primary" loading={busy} disabled={unchanged}>
            保存
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}
