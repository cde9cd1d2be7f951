/** The reasons a field is wrong, under the field: small, red, one per line. */
export function FieldReasons({ reasons, plain }: { reasons: readonly string[]; plain?: boolean }) {
  return (
    <div aria-live={plain ? undefined : 'polite'} style={{ fontSize: plain ? 14 : 12, lineHeight: 1.5, color: plain ? undefined : '#cf1322', marginTop: plain ? 0 : 2 }}>
      {reasons.map((r) => (
        <div key={r}>{r}</div>
      ))}
    </div>
  );
}
