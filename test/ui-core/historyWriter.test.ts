import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHistoryWriter, PAUSE_MS } from '../../src/ui/app/historyWriter';

function fakeHistory() {
  const entries: string[] = ['#start'];
  return {
    entries,
    pushState: (_data: unknown, _unused: string, url: string) => void entries.push(url),
    replaceState: (_data: unknown, _unused: string, url: string) => void (entries[entries.length - 1] = url),
  };
}

describe('history while typing', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('adds one entry per burst of edits, updated in place while the burst lasts', () => {
    const history = fakeHistory();
    const writer = createHistoryWriter(history);
    for (const hash of ['#a', '#ab', '#abc', '#abcd']) {
      writer.write(hash);
      vi.advanceTimersByTime(PAUSE_MS - 1);
    }
    expect(history.entries).toEqual(['#start', '#abcd']);
    vi.advanceTimersByTime(1);
    writer.write('#abcde');
    writer.write('#abcdef');
    expect(history.entries).toEqual(['#start', '#abcd', '#abcdef']);
  });

  it('updates in place when asked, and a history move ends the burst', () => {
    const history = fakeHistory();
    const writer = createHistoryWriter(history);
    writer.write('#first', false);
    expect(history.entries).toEqual(['#first']);
    writer.endBurst();
    writer.write('#second');
    expect(history.entries).toEqual(['#first', '#second']);
  });
});
