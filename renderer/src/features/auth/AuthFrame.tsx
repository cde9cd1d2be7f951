import { Tag, theme, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card used by setup, login and password change, with the training-mode label. */
export function AuthFrame(props: { title: string; subtitle?: ReactNode; training: boolean; children: ReactNode; width?: number }) {
  // A plain panel in the card's look rather than antd's Card, which brings Tabs and Skeleton into
  // the first screen's bundle (renderer.initial_js_gzip_kb).
  const { token } = theme.useToken();
  return (
    <div style={{ minHeight: '100vh', boxSizing: 'border-box', padding: 24, display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg, #eef3fa 0%, #dde7f4 100%)' }}>
      <div
        style={{
          width: props.width ?? 420,
          boxSizing: 'border-box',
          padding: token.paddingLG,
          background: token.colorBgContainer,
          border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
          boxShadow: '0 8px 24px rgba(29,79,145,0.12)',
        }}
      >
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            不动产登记窗口工作站
          </Typography.Title>
          {props.training && (
            <Tag color="orange" style={{ marginBottom: 8 }}>
              培训模式
            </Tag>
          )}
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {props.title}
          </Typography.Title>
          {props.subtitle && <Typography.Text type="secondary">{props.subtitle}</Typography.Text>}
        </div>
        {props.children}
      </div>
    </div>
  );
}
