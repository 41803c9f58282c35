import { Checkbox, DatePicker, Form, Input, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import {
  INTERPRETATION_FORM_LABELS,
  INTERPRETATION_FORMS,
  type InterpretationForm,
  type PolicyInterpretation,
} from '../../../core/work-records/work-records.ts';
import { api } from '../../api/client.ts';
import type { NormativeDocumentView } from '../table2-sources/table2-types.ts';
import { WorkRecordTab, type WorkRecordTabConfig, type WorkTabProps } from './work-record-tab.tsx';
import { fromDay, toDay } from './work-records-api.ts';

interface Values {
  documentTitle: string;
  normativeDocumentId: string | null;
  disclosureId: string | null;
  forms: InterpretationForm[];
  publishedOn: Dayjs | null;
  byDraftingOffice: boolean;
}

/** 政策解读: each linked to a document of the agency's normative-document register when it is one. */
export function InterpretationsTab(props: WorkTabProps) {
  const [documents, setDocuments] = useState<NormativeDocumentView[]>([]);
  useEffect(() => {
    api
      .get<NormativeDocumentView[]>(`/agencies/${encodeURIComponent(props.agencyId)}/normative-documents`)
      .then(setDocuments)
      .catch(() => setDocuments([]));
  }, [props.agencyId]);

  const config = useMemo((): WorkRecordTabConfig<'interpretation', Values> => {
    const byId = new Map(documents.map((d) => [d.id, d]));
    return {
      kind: 'interpretation',
      noun: '政策解读',
      order: (a, b) => a.data.publishedOn.localeCompare(b.data.publishedOn),
      columns: [
        { title: '解读发布日期', render: (_, r) => r.data.publishedOn, width: 120 },
        { title: '所解读文件', render: (_, r) => r.data.documentTitle },
        {
          title: '规范性文件台账',
          width: 180,
          render: (_, r) =>
            r.data.normativeDocumentId ? (
              (byId.get(r.data.normativeDocumentId)?.documentNumber ?? '已关联')
            ) : (
              <Tag>未关联</Tag>
            ),
        },
        {
          title: '解读形式',
          render: (_, r) => r.data.forms.map((f) => <Tag key={f}>{INTERPRETATION_FORM_LABELS[f]}</Tag>),
        },
        { title: '谁起草、谁解读', width: 120, render: (_, r) => (r.data.byDraftingOffice ? '是' : '否') },
      ],
      footer: (records) => `共 ${records.length} 篇解读`,
      blank: () => ({ forms: [], byDraftingOffice: true, normativeDocumentId: null, disclosureId: null }),
      toForm: (d) => ({ ...d, publishedOn: toDay(d.publishedOn) }),
      fromForm: (v): PolicyInterpretation => ({
        documentTitle: v.documentTitle,
        normativeDocumentId: v.normativeDocumentId ?? null,
        disclosureId: v.disclosureId ?? null,
        forms: v.forms ?? [],
        publishedOn: fromDay(v.publishedOn) ?? '',
        byDraftingOffice: v.byDraftingOffice ?? false,
      }),
      fields: (form) => (
        <>
          <Form.Item name="normativeDocumentId" label="所解读的规范性文件（从本机关规范性文件台账中选择）">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="不是台账中的文件时可不选"
              options={documents.map((d) => ({ value: d.id, label: `${d.documentNumber} ${d.title}` }))}
              onChange={(id: string | undefined) => {
                const d = id ? byId.get(id) : undefined;
                if (d) form.setFieldsValue({ documentTitle: `《${d.title}》` } as never);
              }}
            />
          </Form.Item>
          <Form.Item
            name="documentTitle"
            label="所解读文件的标题"
            rules={[{ required: true, whitespace: true, message: '请填写所解读文件的标题' }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="disclosureId" hidden>
            <Input />
          </Form.Item>
          <Form.Item
            name="forms"
            label="解读形式"
            rules={[{ required: true, message: '请至少选择一种解读形式' }]}
          >
            <Checkbox.Group
              options={INTERPRETATION_FORMS.map((f) => ({ value: f, label: INTERPRETATION_FORM_LABELS[f] }))}
            />
          </Form.Item>
          <Form.Item
            name="publishedOn"
            label="解读发布日期"
            rules={[{ required: true, message: '请选择解读发布日期' }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="byDraftingOffice" valuePropName="checked">
            <Checkbox>由文件起草部门解读（谁起草、谁解读）</Checkbox>
          </Form.Item>
        </>
      ),
    };
  }, [documents]);

  return <WorkRecordTab {...props} config={config} />;
}
