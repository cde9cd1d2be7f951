import { Alert, Descriptions, Space, Tag } from 'antd';
import type { IdCardView as Card } from '../../../../electron/contract';

/** A card as read: masked number, the GB 11643 check, and the photo only when a decoder exists. */
export function IdCardView({ card }: { card: Card }) {
  if (!card.supported) return <Alert type="warning" showIcon message="不支持的证件类型" description={card.message} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!card.idNumberCheck.valid && (
        <Alert type="error" showIcon message="身份证号码校验未通过，请人工核验证件" description={card.idNumberCheck.reasons.join(' ')} />
      )}
      <div style={{ display: 'flex', gap: 16 }}>
        <div
          style={{ width: 102, height: 126, border: '1px solid #d9d9d9', display: 'grid', placeItems: 'center', background: '#fafafa', flex: 'none', fontSize: 12, color: '#888', textAlign: 'center' }}
          aria-label="证件照片"
        >
          {card.photo.decoded && card.photo.pngDataUrl ? (
            <img src={card.photo.pngDataUrl} alt="证件照片" style={{ maxWidth: '100%', maxHeight: '100%' }} />
          ) : (
            <span>照片未解码<br />（需厂商解码库）</span>
          )}
        </div>
        <Descriptions column={2} size="small" bordered style={{ flex: 1 }}>
          <Descriptions.Item label="姓名">{card.name}</Descriptions.Item>
          <Descriptions.Item label="性别">{card.sex}</Descriptions.Item>
          <Descriptions.Item label="民族">{card.nation}</Descriptions.Item>
          <Descriptions.Item label="出生年月">{card.birthDate}</Descriptions.Item>
          <Descriptions.Item label="住址" span={2}>
            {card.address}
          </Descriptions.Item>
          <Descriptions.Item label="公民身份号码" span={2}>
            <code>{card.idNumberMasked}</code> {card.idNumberCheck.valid && <Tag color="green">校验通过</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="签发机关">{card.issuer}</Descriptions.Item>
          <Descriptions.Item label="有效期限">
            {card.validFrom} 至 {card.validTo}
          </Descriptions.Item>
        </Descriptions>
      </div>
    </Space>
  );
}
