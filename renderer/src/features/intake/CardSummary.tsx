import { CreditCardOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import type { ResidentCard } from './intake-form';

/** The card just read, on one line under the applicant's row: what the clerk compares with the person. */
export function CardSummary({ card }: { card: ResidentCard }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '2px 0' }} aria-label={`${card.name}的身份证`}>
      <div
        style={{ width: 40, height: 50, border: '1px solid #d9d9d9', background: '#fafafa', display: 'grid', placeItems: 'center', fontSize: 10, color: '#999', flex: 'none' }}
        aria-label="证件照片"
      >
        {card.photo.decoded && card.photo.pngDataUrl ? <img src={card.photo.pngDataUrl} alt="证件照片" style={{ maxWidth: '100%', maxHeight: '100%' }} /> : '未解码'}
      </div>
      <Space size={[12, 2]} wrap style={{ fontSize: 13 }}>
        <Tag icon={<CreditCardOutlined />} color="blue" style={{ marginInlineEnd: 0 }}>
          已读卡
        </Tag>
        <span>
          {card.name} · {card.sex} · 民族 {card.nation} · 出生 {card.birthDate}
        </span>
        <code>{card.idNumberMasked}</code>
        {card.idNumberCheck.valid ? <Tag color="green">校验通过</Tag> : <Tag color="red">号码校验未通过，请人工核验证件</Tag>}
        <Typography.Text type="secondary" ellipsis={{ tooltip: card.address }} style={{ maxWidth: 320 }}>
          住址：{card.address}
        </Typography.Text>
        <Typography.Text type="secondary">有效期至 {card.validTo}</Typography.Text>
      </Space>
    </div>
  );
}
