// Progress for people at a terminal: one line rewritten in place ("feeds 12/18 · topics 40/61").
// Off when stderr is not a terminal, so cron mail and log files get only the JSON lines.

export interface Progress {
  total: (name: string, n: number) => void;
  tick: (name: string) => void;
  done: () => void;
}

export function createProgress(write: (text: string) => void, enabled: boolean): Progress {
  const counts = new Map<string, { done: number; total: number }>();
  let shown = false;
  const draw = () => {
    if (!enabled) return;
    const text = [...counts.entries()].map(([name, c]) => `${name} ${c.done}/${c.total}`).join(' · ');
    write(`\r\x1b[2K${text}`);
    shown = true;
  };
  return {
    total: (name, n) => {
      counts.set(name, { done: 0, total: n });
      draw();
    },
    tick: (name) => {
      const c = counts.get(name);
      if (!c) return;
      c.done++;
      draw();
    },
    done: () => {
      if (shown) write('\n');
      shown = false;
    },
  };
}
