/**
 * Waits for `work` at most `graceMs`; resolves true when it settled in time, false when it did not
 * (the work goes on unobserved, its rejection swallowed). The timer does not hold the process.
 *
 * Why: a kafkajs consumer's disconnect() waits for a group join in progress, and the broker holds a
 * join until every member of the group has rejoined or its session timed out (30 s by default). One
 * member that died without leaving (a SIGKILL, a lost host) so held our SIGTERM shutdown for 12-19 s
 * in a reproduction, longer than any supervisor's grace. Leaving without the goodbye loses nothing:
 * offsets not yet committed are delivered again and every inbound command is idempotent.
 */
export async function settleWithin(work: Promise<unknown>, graceMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
    timer.unref();
  });
  const settled = work.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, expired]);
  } finally {
    clearTimeout(timer);
  }
}
