import { FileUnknownOutlined, LeftOutlined, RightOutlined, RotateRightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useReducer, useRef, useState } from 'react';
import { base64Bytes, materialKind, openPdf, type PdfMaterial } from './pdf-source';
import { browserPdfjs } from './pdfjs-browser';
import { initialViewer, isTypingTarget, keyAction, VIEWER_SHORTCUTS, viewerReducer } from './viewer-state';

export interface ViewerMaterial {
  sm3: string;
  name: string;
  mime: string;
  /** Whether the bytes are already on this workstation (else fetched from the platform on open). */
  downloaded: boolean;
  /** The checklist's state for this material, shown beside its name (e.g. 已提交 原件). */
  form?: string | null;
}

type Loaded = { sm3: string; kind: 'pdf'; pdf: PdfMaterial } | { sm3: string; kind: 'image'; url: string } | { sm3: string; kind: 'unsupported'; mime: string };

/**
 * 材料查看: a case's scans and PDFs page by page, zoomed and rotated, one material after another,
 * driven by keys as well as buttons. The bytes come from `load` (review.material: the local sealed
 * copy, or downloaded from the platform and checked against its SM3).
 */
export function MaterialsViewer(props: { materials: readonly ViewerMaterial[]; load: (sm3: string) => Promise<{ mime: string; base64: string }>; keyboard?: boolean }) {
  const { materials, load } = props;
  const [state, dispatch] = useReducer(viewerReducer(materials.length), undefined, initialViewer);
  const current = materials[state.material];
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);

  // Opens the current material; a material the reviewer left before it arrived is dropped.
  useEffect(() => {
    if (!current) return;
    let live = true;
    let opened: Loaded | null = null;
    setLoaded(null);
    setError(null);
    void (async () => {
      try {
        const { mime, base64 } = await load(current.sm3);
        const kind = materialKind(mime);
        if (kind === 'pdf') opened = { sm3: current.sm3, kind, pdf: await openPdf(browserPdfjs, base64Bytes(base64)) };
        else if (kind === 'image') opened = { sm3: current.sm3, kind, url: `data:${mime};base64,${base64}` };
        else opened = { sm3: current.sm3, kind, mime };
        if (!live) return void (opened.kind === 'pdf' && opened.pdf.close());
        setLoaded(opened);
        dispatch({ type: 'loaded', pages: opened.kind === 'pdf' ? opened.pdf.pages : 1 });
      } catch (err) {
        if (live) setError(err instanceof Error ? err.message : String((err as { message?: unknown })?.message ?? err));
      }
    })();
    return () => {
      live = false;
      if (opened?.kind === 'pdf') void opened.pdf.close();
    };
  }, [current?.sm3, load]);

  useEffect(() => {
    if (loaded?.kind !== 'pdf' || !canvas.current) return;
    void loaded.pdf.render(state.page, canvas.current, state.zoom, state.rotation).catch(() => undefined);
  }, [loaded, state.page, state.zoom, state.rotation]);

  useEffect(() => {
    if (props.keyboard === false) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || isTypingTarget(e.target)) return;
      const action = keyAction(e.key);
      if (!action) return;
      e.preventDefault();
      dispatch(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props.keyboard]);

  if (materials.length === 0) return <Empty description="本业务没有电子材料" />;
  const ready = loaded !== null && loaded.sm3 === current?.sm3;

  return (
    <section aria-label="材料查看" data-testid="materials-viewer" style={{ display: 'flex', flexDirection: 'column', gap: 8, minHeight: 0 }}>
      <div role="tablist" aria-label="材料" style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
        {materials.map((m, i) => (
          <Button
            key={m.sm3}
            role="tab"
            size="small"
            aria-selected={i === state.material}
            type={i === state.material ? 'primary' : 'default'}
            onClick={() => dispatch({ type: 'openMaterial', index: i })}
          >
            {i + 1}. {m.name}
            {m.form ? <Tag style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>{m.form}</Tag> : null}
            {!m.downloaded && <Tooltip title="打开时从省级平台下载并校验 SM3"><span aria-label="未下载" style={{ marginInlineStart: 4 }}>☁</span></Tooltip>}
          </Button>
        ))}
      </div>
      <Space wrap size={4} aria-label="查看控制">
        <Button size="small" icon={<LeftOutlined />} aria-label="上一页" disabled={state.page <= 1} onClick={() => dispatch({ type: 'previousPage' })} />
        <Typography.Text data-testid="viewer-page" style={{ minWidth: 72, display: 'inline-block', textAlign: 'center' }}>
          {state.pages === null ? '—' : `${state.page} / ${state.pages} 页`}
        </Typography.Text>
        <Button size="small" icon={<RightOutlined />} aria-label="下一页" disabled={state.pages === null || state.page >= state.pages} onClick={() => dispatch({ type: 'nextPage' })} />
        <Button size="small" icon={<ZoomOutOutlined />} aria-label="缩小" onClick={() => dispatch({ type: 'zoomOut' })} />
        <Typography.Text data-testid="viewer-zoom" style={{ minWidth: 44, display: 'inline-block', textAlign: 'center' }}>{Math.round(state.zoom * 100)}%</Typography.Text>
        <Button size="small" icon={<ZoomInOutlined />} aria-label="放大" onClick={() => dispatch({ type: 'zoomIn' })} />
        <Button size="small" icon={<RotateRightOutlined />} aria-label="旋转" onClick={() => dispatch({ type: 'rotate' })}>
          {state.rotation}°
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{VIEWER_SHORTCUTS}</Typography.Text>
      </Space>
      <div style={{ flex: 1, minHeight: 420, maxHeight: '70vh', overflow: 'auto', background: '#525659', borderRadius: 4, padding: 12, display: 'grid', placeItems: 'start center' }}>
        {error ? (
          <Alert type="error" showIcon role="alert" title={`无法打开材料：${current?.name ?? ''}`} description={error} />
        ) : !ready ? (
          <Spin tip="正在打开材料…" style={{ marginTop: 80 }}><div style={{ width: 200, height: 80 }} /></Spin>
        ) : loaded.kind === 'pdf' ? (
          <canvas ref={canvas} data-testid="viewer-canvas" aria-label={`${current?.name} 第 ${state.page} 页`} style={{ background: '#fff', boxShadow: '0 1px 4px rgba(0,0,0,.4)' }} />
        ) : loaded.kind === 'image' ? (
          <img
            src={loaded.url}
            alt={current?.name}
            data-testid="viewer-image"
            style={{ width: `${state.zoom * 100}%`, maxWidth: 'none', transform: `rotate(${state.rotation}deg)`, transformOrigin: 'center', background: '#fff' }}
          />
        ) : (
          <Empty image={<FileUnknownOutlined style={{ fontSize: 48, color: '#ddd' }} />} description={<span style={{ color: '#ddd' }}>不能预览此类型的材料（{loaded.mime}）</span>} />
        )}
      </div>
    </section>
  );
}
