import { SseReader } from './sse-reader';

describe('SseReader', () => {
  it('returns each event once, when its blank line has arrived', () => {
    const reader = new SseReader();
    let text = 'event: flags\ndata: {"version":1}\n';
    expect(reader.read(text)).toEqual([]);
    text += '\n';
    expect(reader.read(text)).toEqual([{ event: 'flags', data: '{"version":1}' }]);
    expect(reader.read(text)).toEqual([]);
    text += 'event: flags\ndata: {"version":2}\n\nevent: flags\ndata: {"vers';
    expect(reader.read(text)).toEqual([{ event: 'flags', data: '{"version":2}' }]);
    text += 'ion":3}\n\n';
    expect(reader.read(text)).toEqual([{ event: 'flags', data: '{"version":3}' }]);
  });

  it('skips comments (heartbeats), ids and retry hints, and drops an event without data', () => {
    const reader = new SseReader();
    const text = ': heartbeat\n\nid: 7\nretry: 1000\n\nevent: flags\n\ndata: hi\n\n';
    expect(reader.read(text)).toEqual([{ event: 'message', data: 'hi' }]);
  });

  it('joins data lines with a line feed and takes CR LF and lone CR as line ends', () => {
    const reader = new SseReader();
    expect(reader.read('data: a\r\ndata:b\r\n\r\ndata: c\r\rdata: d\n\n')).toEqual([
      { event: 'message', data: 'a\nb' },
      { event: 'message', data: 'c' },
      { event: 'message', data: 'd' },
    ]);
  });

  it('waits for the LF of a CR LF split across chunks instead of reading an empty line', () => {
    const reader = new SseReader();
    expect(reader.read('data: a\r')).toEqual([]);
    expect(reader.read('data: a\r\n\r\n')).toEqual([{ event: 'message', data: 'a' }]);
  });

  it('takes a field without a colon as a field with an empty value', () => {
    const reader = new SseReader();
    expect(reader.read('data\n\nevent\ndata: x\n\n')).toEqual([
      { event: 'message', data: '' },
      { event: 'message', data: 'x' },
    ]);
  });
});
