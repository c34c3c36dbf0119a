/** A task the server repeats on a timer; a failure is logged and the next run tries again. */
export interface Job {
  /** What failed, for the log: "… failed". */
  name: string;
  everyMs: number;
  /** Run once at start too (jobs whose period is long compared with a restart). */
  atStart: boolean;
  run: (now: Date) => Promise<unknown>;
}

/** Starts the jobs; the returned function stops them. Timers never keep the process alive. */
export function startJobs(jobs: readonly Job[], onError: (error: unknown, name: string) => void): () => void {
  const timers = jobs.map((job) => {
    const run = () => {
      job.run(new Date()).catch((error: unknown) => onError(error, job.name));
    };
    if (job.atStart) run();
    const timer = setInterval(run, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach(clearInterval);
}
