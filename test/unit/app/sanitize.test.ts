// Error texts shown or logged lose secrets and anything token-shaped.
import { sanitizeText } from '../../../src/app/sanitize';

describe('sanitizeText', () => {
  it('hides the given secrets, token fields, auth headers and long opaque runs', () => {
    const text =
      'Error retrieving token: 400: {"access_token":"ya29.a0AfB_byC","refresh_token":"1//0gxyz"} ' +
      'Authorization: Basic MjNBQkNEOnNlY3JldA== secret=mysecretvalue ' +
      'blob 0123456789abcdef0123456789abcdef';
    const out = sanitizeText(text, ['mysecretvalue'], 1000);
    for (const leaked of ['ya29', '1//0gxyz', 'MjNBQkNE', 'mysecretvalue', '0123456789abcdef0123'])
      expect(out).not.toContain(leaked);
    expect(out).toContain('Error retrieving token: 400');
  });

  it('cuts long texts', () => {
    expect(sanitizeText('x '.repeat(500), [], 50).length).toBeLessThanOrEqual(51);
  });
});
