// Server-sent events over fetch. EventSource cannot send an Authorization header, and a token in
// a URL ends up in logs and browser history, so the stream is read with fetch and parsed here,
// following the text/event-stream rules (lines end in CRLF, LF or CR; a blank line ends an event;
// lines starting with ':' are comments).

/**
 * Opens the stream. Resolves to the Response when the server answered something other than 200
 * (the caller reads its status); otherwise reads events until the stream ends and resolves to null.
 */
export async function openStream(url, token, signal, onEvent, onActivity) {
  const response = await fetch(url, {
    headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' },
    cache: 'no-store',
    credentials: 'omit',
    signal,
  });
  if (response.status !== 200 || !response.body) {
    return response;
  }
  await readEvents(response.body, onEvent, onActivity);
  return null;
}

export async function readEvents(body, onEvent, onActivity) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new EventParser(onEvent);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    if (onActivity) {
      onActivity();
    }
    parser.push(value);
  }
}

export class EventParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.data = [];
    this.name = '';
  }

  push(text) {
    this.buffer += text;
    for (;;) {
      const cr = this.buffer.indexOf('\r');
      const lf = this.buffer.indexOf('\n');
      let end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      if (end < 0) {
        return;
      }
      let next = end + 1;
      if (this.buffer[end] === '\r') {
        if (end + 1 === this.buffer.length) {
          return; // a CR at the end may be the first half of CRLF
        }
        if (this.buffer[end + 1] === '\n') {
          next = end + 2;
        }
      }
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(next);
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length > 0) {
        this.onEvent({ event: this.name || 'message', data: this.data.join('\n') });
      }
      this.data = [];
      this.name = '';
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'data') {
      this.data.push(value);
    } else if (field === 'event') {
      this.name = value;
    }
  }
}
