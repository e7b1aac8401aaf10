// Turning a stored planned request into the Http port's request.
import { toHttpRequest } from '../../../src/core/planned-request';
import { planGoogleHealthRequests } from '../../../src/providers/google-health/data-plan';
import { planFitbitRequests } from '../../../src/providers/fitbit/data-plan';

describe('planned requests', () => {
  it('survive JSON and become a Google POST with the content type as UrlFetchApp wants it', () => {
    const [planned] = planGoogleHealthRequests(
      { start: '2026-11-01', end: '2026-11-02' },
      ['steps'],
      'metric',
    );
    const stored = JSON.parse(JSON.stringify(planned));
    expect(toHttpRequest(stored, 'Bearer t')).toEqual({
      url: planned.url,
      method: 'post',
      headers: { Authorization: 'Bearer t' },
      payload: planned.body,
      contentType: 'application/json',
    });
  });

  it('become a Fitbit GET with Accept-Language and no payload', () => {
    const [planned] = planFitbitRequests(
      { start: '2026-11-01', end: '2026-11-01' },
      ['steps'],
      'us',
    );
    expect(toHttpRequest(planned)).toEqual({
      url: planned.url,
      method: 'get',
      headers: { 'Accept-Language': 'en_US' },
    });
  });
});
