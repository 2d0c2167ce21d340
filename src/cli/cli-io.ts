/**
 * What CLI commands write to and read from: results on stdout, messages and progress on stderr
 * (so stdout can be piped), and a hidden prompt when a terminal is attached.
 */
import { Presets, SingleBar } from 'cli-progress';

/** A progress display for `total` steps. */
export interface ProgressDisplay {
  update(done: number, note?: string): void;
  stop(): void;
}

/** The input and output of a command. */
export interface CliIo {
  /** A result line (stdout). */
  out(line: string): void;
  /** A message or error line (stderr). */
  err(line: string): void;
  /** Start a progress display: a bar on a terminal, a few plain lines otherwise. */
  progress(label: string, total: number): ProgressDisplay;
  /** Ask for a secret without echoing it; absent when no terminal is attached. */
  promptSecret?: (question: string) => Promise<string>;
}

/** Plain progress: one line per 10 % step and per note change. */
function plainProgress(label: string, total: number, write: (line: string) => void): ProgressDisplay {
  let lastStep = -1;
  let lastNote: string | undefined;
  let last = 0;
  return {
    update(done, note) {
      last = done;
      const step = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (step !== lastStep || note !== lastNote) write(`${label}: ${done}/${total}${note ? ` (${note})` : ''}`);
      lastStep = step;
      lastNote = note;
    },
    stop() {
      if (lastStep !== 10 && total > 0 && last >= total) write(`${label}: ${last}/${total}`);
    },
  };
}

/** A cli-progress bar on a terminal stream. */
function barProgress(label: string, total: number, stream: NodeJS.WriteStream): ProgressDisplay {
  const bar = new SingleBar(
    { format: `${label} [{bar}] {value}/{total} {note}`, stream, hideCursor: true, clearOnComplete: false, barsize: 30 },
    Presets.shades_classic,
  );
  bar.start(total, 0, { note: '' });
  return {
    update(done, note) {
      bar.update(done, { note: note ?? '' });
    },
    stop() {
      bar.stop();
    },
  };
}

/** Characters typed (or pasted) past the end of the previous answer, for the next prompt. */
let typedAhead = '';

/** Read a line from the terminal without echoing it. */
function promptHidden(question: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(question);
    let value = '';
    let done = false;
    const wasRaw = input.isRaw;
    const finish = (err?: Error) => {
      done = true;
      input.off('data', consume);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const consume = (chunk: string) => {
      const chars = [...chunk];
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i]!;
        if (ch === '\r' || ch === '\n') {
          typedAhead = chars.slice(i + (ch === '\r' && chars[i + 1] === '\n' ? 2 : 1)).join('');
          return finish();
        }
        if (ch === '\u0003') return finish(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    input.setRawMode(true);
    input.setEncoding('utf8');
    const ahead = typedAhead;
    typedAhead = '';
    consume(ahead);
    if (done) return;
    input.on('data', consume);
    input.resume();
  });
}

/** The process's real terminal streams. */
export function createProcessIo(): CliIo {
  const tty = Boolean(process.stderr.isTTY);
  const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progress: (label, total) => (tty ? barProgress(label, total, process.stderr) : plainProgress(label, total, (l) => process.stderr.write(`${l}\n`))),
    ...(interactive ? { promptSecret: (q: string) => promptHidden(q, process.stdin, process.stderr) } : {}),
  };
}

/** An io that records everything (for tests and for embedding commands in other tools). */
export function createBufferIo(answers: string[] = []): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const queue = [...answers];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    progress: (label, total) => plainProgress(label, total, (l) => stderr.push(l)),
    ...(answers.length ? { promptSecret: async () => queue.shift() ?? '' } : {}),
  };
}
