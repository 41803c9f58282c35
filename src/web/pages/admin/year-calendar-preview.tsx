import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HolidayRangeView } from './calendar-types.ts';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

function restDayNames(holidays: readonly HolidayRangeView[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const range of holidays) {
    for (let d = dayjs(range.from); !d.isAfter(dayjs(range.to)); d = d.add(1, 'day')) {
      names.set(d.format('YYYY-MM-DD'), range.name);
    }
  }
  return names;
}

/**
 * The parsed arrangement drawn on the year's twelve months, for the administrator to compare with
 * the notice before saving: announced rest days red with the festival's name, 调休 working days
 * blue “班”, other weekends grey.
 */
export function YearCalendarPreview(props: {
  year: number;
  holidays: readonly HolidayRangeView[];
  makeUpWorkdays: readonly string[];
}) {
  const rest = restDayNames(props.holidays);
  const work = new Set(props.makeUpWorkdays);
  const months = Array.from({ length: 12 }, (_, m) => dayjs(`${props.year}-01-01`).month(m));
  return (
    <section aria-label={`${props.year}年节假日安排日历`}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Tag color="red">放假</Tag>
        <Tag color="blue">班 调休上班</Tag>
        <Tag>周末</Tag>
      </Space>
      <Row gutter={[8, 8]}>
        {months.map((first) => {
          const offset = (first.day() + 6) % 7;
          const days = Array.from({ length: first.daysInMonth() }, (_, i) => first.date(i + 1));
          return (
            <Col key={first.month()} xs={24} sm={12} md={8} xl={6}>
              <Card size="small" title={`${first.month() + 1}月`}>
                <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 12 }}>
                  {WEEKDAYS.map((w) => (
                    <Typography.Text key={w} type="secondary" style={{ textAlign: 'center' }}>
                      {w}
                    </Typography.Text>
                  ))}
                  {offset > 0 && <span style={{ gridColumn: `span ${offset}` }} />}
                  {days.map((d) => {
                    const iso = d.format('YYYY-MM-DD');
                    const festival = rest.get(iso);
                    const madeUp = work.has(iso);
                    const weekend = d.day() === 0 || d.day() === 6;
                    const background = festival
                      ? '#ffccc7'
                      : madeUp
                        ? '#bae0ff'
                        : weekend
                          ? '#f0f0f0'
                          : undefined;
                    const title = festival ? `${iso} ${festival}放假` : madeUp ? `${iso} 调休上班` : iso;
                    return (
                      <span
                        key={iso}
                        title={title}
                        data-date={iso}
                        data-kind={festival ? 'rest' : madeUp ? 'work' : weekend ? 'weekend' : 'day'}
                        style={{ textAlign: 'center', background, borderRadius: 2, lineHeight: '20px' }}
                      >
                        {madeUp ? '班' : d.date()}
                      </span>
                    );
                  })}
                </div>
              </Card>
            </Col>
          );
        })}
      </Row>
    </section>
  );
}
