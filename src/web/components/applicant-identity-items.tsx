import { Checkbox, Form, Input, Select } from 'antd';
import {
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  ID_TYPE_LABELS,
  ID_TYPES,
  type IdType,
  identityProblem,
  MEDIA,
  MEDIUM_LABELS,
} from '../../core/applications/applicant-identity.ts';

/** The values of an application form's applicant part: who applies, what for, in which form. */
export interface ApplicantFormValues {
  applicantType: string;
  applicant: {
    name: string;
    idType?: string;
    idNumber?: string;
    phone?: string;
    address?: string;
    email?: string;
  };
  description: string;
  requestedForm?: { media?: string[]; delivery?: string[] };
}

/** The applicant's name (required), identity document type and number fields of an application form. */
export function ApplicantIdentityItems(props: { nameAutoComplete?: string }) {
  return (
    <>
      <Form.Item
        name={['applicant', 'name']}
        label="申请人姓名或名称"
        rules={[{ required: true, whitespace: true, message: '请填写申请人姓名或名称' }]}
      >
        <Input maxLength={200} autoComplete={props.nameAutoComplete} />
      </Form.Item>
      <Form.Item name={['applicant', 'idType']} label="证件类型">
        <Select allowClear options={ID_TYPES.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }))} />
      </Form.Item>
      <Form.Item
        name={['applicant', 'idNumber']}
        label="证件号码"
        dependencies={[['applicant', 'idType']]}
        extra="居民身份证号码、统一社会信用代码按校验位核对。"
        rules={[
          ({ getFieldValue }) => ({
            // The same check as the server's, at once beside the field.
            validator: (_, value?: string) => {
              const problem = identityProblem(
                getFieldValue(['applicant', 'idType']) as IdType | undefined,
                value,
              );
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          }),
        ]}
      >
        <Input maxLength={40} />
      </Form.Item>
    </>
  );
}

/** 条例第二十九条第二款第（三）项: 载体形式 and 获取信息的方式、途径; the online form requires a way. */
export function RequestedFormItems(props: { deliveryRequired: boolean }) {
  return (
    <>
      <Form.Item name={['requestedForm', 'media']} label="所需信息的载体形式">
        <Checkbox.Group options={MEDIA.map((m) => ({ value: m, label: MEDIUM_LABELS[m] }))} />
      </Form.Item>
      <Form.Item
        name={['requestedForm', 'delivery']}
        label="获取信息的方式、途径"
        rules={
          props.deliveryRequired
            ? [{ required: true, type: 'array', min: 1, message: '请至少选择一种获取信息的方式' }]
            : []
        }
      >
        <Checkbox.Group
          options={DELIVERY_METHODS.map((d) => ({ value: d, label: DELIVERY_METHOD_LABELS[d] }))}
        />
      </Form.Item>
    </>
  );
}
