// The disclosure shown before Authorize names what is read (only the metrics the spreadsheet
// reads that the provider supplies), what for, and where it goes.
import { disclosure } from '../../../src/app/disclosure';

describe('disclosure before Authorize', () => {
  it('names the provider and the chosen metrics it supplies, and nothing it does not read', () => {
    const d = disclosure('google-health', ['steps', 'distance', 'weight']);
    const text = d.points.join(' ');
    expect(text).toContain(
      'Google Health (Fitbit) account: steps, distance and weight, one total per day',
    );
    expect(text).not.toMatch(/sleep|heart/i);
  });

  it('says the data goes only into this spreadsheet and that Disconnect deletes the sign-in', () => {
    const text = disclosure('fitbit', ['steps']).points.join(' ');
    expect(text).toContain('Fitbit account: steps, one total per day');
    expect(text).toMatch(/into this spreadsheet/);
    expect(text).toMatch(/publisher receives none of your data/);
    expect(text).toMatch(/Disconnect deletes it/);
  });

  it('speaks of both providers before one is chosen', () => {
    expect(disclosure(null, ['steps']).points[0]).toContain('Google Health (Fitbit) or Fitbit');
  });
});
