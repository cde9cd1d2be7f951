import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { openPdf, type PdfMaterial } from '../../review/materials/pdf-source';
import { browserPdfjs } from '../../review/materials/pdfjs-browser';

/** A4 at this zoom is 744 px wide: the whole width of a page fits the preview at 1366×768. */
const ZOOM = 1.25;

/**
 * Every page of a generated document drawn with pdfjs from the PDF's own embedded fonts: what the
 * clerk sees is what a printer would print, with no printer and no system font involved. Loaded
 * on first preview only (pdfjs is large).
 */
export default function DocumentPages({ bytes, title }: { bytes: Uint8Array; title: string }) {
  const [pdf, setPdf] = useState<PdfMaterial | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let opened: PdfMaterial | null = null;
    void openPdf(browserPdfjs, bytes).then(
      (p) => {
        opened = p;
        if (live) setPdf(p);
        else void p.close();
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
      if (opened) void opened.close();
    };
  }, [bytes]);
  if (error) return <Alert type="error" showIcon title="文书预览失败，可先保存为 PDF 再查看" description={error} />;
  if (!pdf) return <Spin description="正在生成预览…" />;
  return (
    <div data-testid="document-pages" data-pages={pdf.pages}>
      {Array.from({ length: pdf.pages }, (_, i) => (
        <Page key={i} pdf={pdf} page={i + 1} label={`${title} 第 ${i + 1} 页，共 ${pdf.pages} 页`} />
      ))}
    </div>
  );
}

function Page({ pdf, page, label }: { pdf: PdfMaterial; page: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (canvas.current) void pdf.render(page, canvas.current, ZOOM, 0).then(() => setDrawn(true));
  }, [pdf, page]);
  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={label}
      data-drawn={drawn ? 'yes' : 'no'}
      style={{ display: 'block', margin: '0 auto 16px', boxShadow: '0 1px 4px rgba(0,0,0,.25)', background: '#fff' }}
    />
  );
}
