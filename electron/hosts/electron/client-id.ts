/**
 * Core keeps one session per client. A window's webContents id is stable for the window's life
 * (it survives reloads), so it names the client; the `wc:` prefix keeps it apart from the web
 * host's client ids.
 */
export function clientIdFor(webContents: { readonly id: number }): string {
  return `wc:${webContents.id}`;
}
