import { settleWithin } from './shutdown-grace';

describe('settleWithin (the bound on a Kafka client leaving at shutdown)', () => {
  it('answers true for work that settles within the grace, also when it rejects', async () => {
    await expect(settleWithin(Promise.resolve('left'), 1_000)).resolves.toBe(true);
    await expect(settleWithin(Promise.reject(new Error('broker gone')), 1_000)).resolves.toBe(true);
  });

  it('answers false once the grace has passed for work that never settles', async () => {
    const never = new Promise<void>(() => undefined);
    await expect(settleWithin(never, 20)).resolves.toBe(false);
  });

  it('swallows a rejection that comes after the grace (no unhandled rejection)', async () => {
    let fail!: (error: Error) => void;
    const late = new Promise<void>((_resolve, reject) => (fail = reject));
    await expect(settleWithin(late, 10)).resolves.toBe(false);
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    fail(new Error('too late'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
