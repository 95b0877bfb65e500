/**
 * Main-thread time a step of ours may take before it gives the page a turn (`nextTask`). On Breitbart at 4x CPU
 * throttling the page's serialisation took 43 ms in one task, with the send after it a long task (over 50 ms) of ours;
 * on the long article, finding its 50 sentences again took one of about 60 ms.
 */
export const SLICE_MS = 10;

/**
 * Gives the page its main thread back until the next task: scheduler.yield where there is one (it keeps our place
 * ahead of new work), otherwise a message on a channel of our own (not a timer: those wait a second or more in a
 * background tab).
 */
export function nextTask(win: Window & typeof globalThis): Promise<void> {
  const scheduler = (win as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new win.MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
