import { requestIdsOf } from './logging';

describe('the ids a request is logged under', () => {
  it('takes the caller’s x-correlation-id and a proxy’s x-request-id when they are well-formed', () => {
    expect(requestIdsOf({ headers: { 'x-request-id': 'req-1', 'x-correlation-id': 'corr-1' } })).toEqual({
      requestId: 'req-1',
      correlationId: 'corr-1',
    });
  });

  it('uses the request id as the correlation id when the caller sends none or a malformed one', () => {
    const ids = requestIdsOf({ headers: { 'x-correlation-id': 'not allowed <script>' } });
    expect(ids.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids.correlationId).toBe(ids.requestId);
  });

  it('decides the ids once per request, so the log lines and the recorded events carry the same ones', () => {
    const request = { headers: {} };
    expect(requestIdsOf(request)).toBe(requestIdsOf(request));
    expect(requestIdsOf({ headers: {} }).requestId).not.toBe(requestIdsOf(request).requestId);
  });
});
