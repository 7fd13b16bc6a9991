import { normalizedKey } from '../../model/access/textNormalization.ts';

/**
 * Everything a browser would receive, as bytes: a WebSocket class for the provider that keeps
 * every incoming frame, and the bodies of HTTP responses. A leak test searches these for
 * identifiers in every encoding they could travel in.
 */
export class WireRecorder {
  readonly received: Uint8Array[] = [];

  /** A WebSocket class (for `WebSocketPolyfill`) that records what it receives. */
  webSocketClass(): typeof WebSocket {
    const received = this.received;
    return class RecordingWebSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.binaryType = 'arraybuffer';
        this.addEventListener('message', (event: MessageEvent) => {
          const data = event.data as ArrayBuffer | string;
          received.push(typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data));
        });
      }
    };
  }

  async recordResponse(response: Response): Promise<Response> {
    const body = new Uint8Array(await response.arrayBuffer());
    this.received.push(body);
    return new Response(body, { status: response.status, headers: response.headers });
  }

  /** Which of the identifiers appear anywhere, as UTF-8 or as \\u escapes in JSON. */
  leaked(identifiers: readonly string[]): string[] {
    const all = Buffer.concat(this.received.map((chunk) => Buffer.from(chunk)));
    return identifiers.filter((identifier) => {
      const escaped = [...identifier].map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
      return [identifier, escaped, escaped.toUpperCase().replaceAll('\\U', '\\u')].some((form) => all.includes(Buffer.from(form, 'utf8')));
    });
  }

  /**
   * Which identifiers appear in any spelling: everything received read as UTF-8 and compared in the
   * form that ignores width, kana, case, spacing, punctuation and numeral style.
   */
  leakedInAnySpelling(identifiers: readonly string[]): string[] {
    const all = normalizedKey(Buffer.concat(this.received.map((chunk) => Buffer.from(chunk))).toString('utf8'), true);
    return identifiers.filter((identifier) => all.includes(normalizedKey(identifier, true)));
  }
}
