// How much of a page's main-thread time is the extension's, read from a Chromium trace. Shared by
// scripts/bench-browser.mjs and scripts/bench-ab.mjs.

/** The trace categories `attribute` needs: the timeline, script evaluation and the CPU profiler's samples. */
export const TRACE_CATEGORIES = 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler';

/**
 * The extension's main-thread time in the page: its scripts' evaluation (trace events, compile included) united
 * with the CPU profiler's samples whose stack holds one of its functions. The samples are what catch the work done
 * later, in callbacks (a message's reply, a timer), which the timeline events do not name. Long tasks are the
 * page thread's tasks over 50 ms that contain any of that time.
 */
export function attribute(events) {
  const isOurs = (s) => /chrome-extension:\/\//.test(s ?? '');
  const evals = events.filter((e) => e.ph === 'X' && /^(FunctionCall|EvaluateScript|v8\.compile|v8\.evaluateModule|TimerFire|EventDispatch)$/.test(e.name) && isOurs(JSON.stringify(e.args?.data ?? {})));
  const tid = evals[0]?.tid;
  const pid = evals[0]?.pid;
  if (tid === undefined) return { ms: 0, long: 0, longWith: 0, longTasks: [], functions: [] };
  const spans = evals.map((e) => [e.ts, e.ts + (e.dur ?? 0)]);
  // Our samples, each with the innermost function of ours on its stack (for `longTasks` and `functions`).
  const samples = [];

  // CPU profile of the page's thread: a "Profile" event there, then its nodes and samples in chunks (which the
  // sampler's own thread writes, under the same id).
  const profiles = new Map();
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile' && e.tid === tid) profiles.set(e.id, { t: e.args.data.startTime, nodes: new Map(), samples: [] });
    if (e.name !== 'ProfileChunk') continue;
    const p = profiles.get(e.id);
    if (!p) continue;
    const { cpuProfile = {}, timeDeltas = [] } = e.args.data;
    for (const n of cpuProfile.nodes ?? []) p.nodes.set(n.id, n);
    (cpuProfile.samples ?? []).forEach((node, i) => {
      p.t += timeDeltas[i] ?? 0;
      p.samples.push([p.t, node]);
    });
  }
  for (const p of profiles.values()) {
    const ours = new Map();
    const oursNode = (id) => {
      if (ours.has(id)) return ours.get(id);
      const n = p.nodes.get(id);
      const v = !!n && (isOurs(n.callFrame?.url) || (n.parent !== undefined && oursNode(n.parent)));
      ours.set(id, v);
      return v;
    };
    for (let i = 0; i + 1 < p.samples.length; i++) {
      const [t, node] = p.samples[i];
      // A sample stands for the time until the next one, but not across an idle gap.
      if (!oursNode(node)) continue;
      const span = [t, Math.min(p.samples[i + 1][0], t + 1000)];
      spans.push(span);
      samples.push([...span, ownFunction(p.nodes, node, isOurs)]);
    }
  }

  spans.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [s, e] of spans) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const total = merged.reduce((sum, [s, e]) => sum + (e - s), 0);
  // A long task with our work in it is ours to answer for when it would not have been long without that work.
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.tid === tid && (e.dur ?? 0) > 50_000);
  const oursIn = (t) => merged.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, t.ts + t.dur) - Math.max(s, t.ts)), 0);
  const withOurs = tasks.map((t) => ({ ts: t.ts, dur: t.dur, ours: oursIn(t) })).filter((t) => t.ours > 0);
  // What of ours each long task held: its own functions by sampled time, most first.
  const longTasks = withOurs.map((t) => {
    const by = new Map();
    for (const [s, e, name] of samples) if (s >= t.ts && s < t.ts + t.dur) by.set(name, (by.get(name) ?? 0) + (e - s) / 1000);
    const bursts = merged.filter(([s, e]) => e > t.ts && s < t.ts + t.dur).map(([s, e]) => [(Math.max(s, t.ts) - t.ts) / 1000, (Math.min(e, t.ts + t.dur) - Math.max(s, t.ts)) / 1000]);
    // And what the browser did in it, ours or not: its longest trace events (they nest, so they overlap).
    const inside = events
      .filter((e) => e.ph === 'X' && e.tid === tid && e.name !== 'RunTask' && e.ts >= t.ts && e.ts < t.ts + t.dur && (e.dur ?? 0) >= 1_000)
      .sort((a, b) => b.dur - a.dur)
      .slice(0, 6)
      .map((e) => [e.name, (e.ts - t.ts) / 1000, e.dur / 1000]);
    return { ms: t.dur / 1000, ours: t.ours / 1000, functions: [...by].sort((a, b) => b[1] - a[1]), bursts, inside };
  });
  // All of our sampled time by innermost function, and what the samples do not cover (compiling, evaluating).
  const by = new Map();
  for (const [s, e, name] of samples) by.set(name, (by.get(name) ?? 0) + (e - s) / 1000);
  const sampled = [...by.values()].reduce((a, b) => a + b, 0);
  by.set('(unsampled: compile and evaluation)', Math.max(0, total / 1000 - sampled));
  const functions = [...by].sort((a, b) => b[1] - a[1]);
  return { ms: total / 1000, long: withOurs.filter((t) => t.dur - t.ours <= 50_000).length, longWith: withOurs.length, longTasks, functions };
}

/**
 * The innermost function of ours on a sample's stack, "name (file:line)", and, when the sample was taken in code not
 * ours that it called (a DOM accessor, the runtime's bindings), "> " that code's innermost frame.
 */
function ownFunction(nodes, id, isOurs) {
  let callee = '';
  for (let n = nodes.get(id); n; n = nodes.get(n.parent)) {
    const f = n.callFrame ?? {};
    if (isOurs(f.url)) return `${f.functionName || '(anonymous)'} (${f.url.split('/').pop()}:${f.lineNumber + 1})${callee ? ` > ${callee}` : ''}`;
    callee ||= f.functionName || f.url || '(native)';
  }
  return '(evaluation)';
}
