import { useRef } from 'react';

export interface PadPoint {
  x: number;
  y: number;
  pressure: number;
  t: number;
}

/**
 * Draw a signature with the mouse (or a pen on a touch screen) for the simulated pad. Points are
 * scaled to the pad's writing area, as the pad itself would report them.
 */
export function SignatureCanvas(props: {
  area: { width: number; height: number };
  strokes: PadPoint[][];
  onChange: (strokes: PadPoint[][]) => void;
  width?: number;
  /** The pad takes no ink now (between two signers): the canvas is greyed and says so when touched. */
  disabled?: boolean;
  onRejected?: () => void;
}) {
  const width = props.width ?? 360;
  const height = Math.round((width * props.area.height) / props.area.width);
  const canvas = useRef<HTMLCanvasElement>(null);
  const started = useRef<number | null>(null);
  const drawing = useRef<PadPoint[] | null>(null);

  const toPad = (e: React.PointerEvent<HTMLCanvasElement>): PadPoint => {
    const rect = e.currentTarget.getBoundingClientRect();
    started.current ??= performance.now();
    const sx = props.area.width / rect.width;
    const sy = props.area.height / rect.height;
    return {
      x: Math.max(0, Math.round((e.clientX - rect.left) * sx)),
      y: Math.max(0, Math.round((e.clientY - rect.top) * sy)),
      // A mouse reports 0.5 while a button is down; a pen reports its real pressure.
      pressure: Math.max(1, Math.round((e.pressure || 0.5) * 1023)),
      t: Math.round(performance.now() - started.current),
    };
  };

  const redraw = (strokes: PadPoint[][]) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    ctx.strokeStyle = '#1b2a4a';
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const stroke of strokes) {
      ctx.beginPath();
      stroke.forEach((p, i) => {
        const x = (p.x * width) / props.area.width;
        const y = (p.y * height) / props.area.height;
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.stroke();
    }
  };

  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      aria-label="签名区（用鼠标书写）"
      aria-disabled={props.disabled ? true : undefined}
      style={{
        border: '1px dashed #8c9bb5',
        background: props.disabled ? '#f0f2f5' : '#fff',
        touchAction: 'none',
        cursor: props.disabled ? 'not-allowed' : 'crosshair',
        display: 'block',
      }}
      onPointerDown={(e) => {
        if (props.disabled) {
          props.onRejected?.();
          return;
        }
        e.currentTarget.setPointerCapture(e.pointerId);
        drawing.current = [toPad(e)];
      }}
      onPointerMove={(e) => {
        if (!drawing.current) return;
        drawing.current.push(toPad(e));
        redraw([...props.strokes, drawing.current]);
      }}
      onPointerUp={() => {
        if (drawing.current && drawing.current.length > 1) props.onChange([...props.strokes, drawing.current]);
        drawing.current = null;
      }}
    />
  );
}
