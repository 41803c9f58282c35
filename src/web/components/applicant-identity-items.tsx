import { Form, Input } from 'antd';

/** The applicant's name (required) and ID number fields of an application form. */
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
      <Form.Item name={['applicant', 'idNumber']} label="身份证件号码或统一社会信用代码">
        <Input maxLength={40} />
      </Form.Item>
    </>
  );
}
