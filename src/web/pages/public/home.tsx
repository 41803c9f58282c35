import { FileSearchOutlined, FormOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';

/** The two things a visitor comes to do, in the order shown. */
const ENTRIES = [
  {
    to: '/apply',
    Icon: FormOutlined,
    title: '在线提交申请',
    description: '填写申请表，提交后获得受理编号和查询码。',
  },
  {
    to: '/track',
    Icon: FileSearchOutlined,
    title: '查询办理进度',
    description: '凭受理编号和查询码查看办理状态与答复期限。',
  },
];

/** The portal's front page: what one can do here, in two clicks at most. */
export function HomePage() {
  return (
    <>
      <Typography.Title level={2}>政府信息公开</Typography.Title>
      <Typography.Paragraph>
        公民、法人或者其他组织可以向行政机关申请获取相关政府信息（《中华人民共和国政府信息公开条例》第二十七条）。
        行政机关能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长的，延长期限最长不超过20个工作日。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {ENTRIES.map((e) => (
          <Col xs={24} md={12} key={e.to}>
            <Link to={e.to}>
              <Card hoverable>
                <Card.Meta
                  avatar={<e.Icon style={{ fontSize: 32 }} />}
                  title={e.title}
                  description={e.description}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
