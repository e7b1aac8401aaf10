// Runs the axe-core accessibility checker in a page and returns the violations that matter for
// WCAG 2.1 AA (serious and critical), each with the elements it found them on.
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** WCAG 2.0/2.1 A and AA rules; `exclude` leaves out parts checked elsewhere (CSS selectors). */
export async function seriousViolations(
  target: Page | Frame,
  exclude: string[] = [],
): Promise<AxeFinding[]> {
  await target.addScriptTag({ path: AXE_SOURCE });
  return target.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: AxeApi }).axe;
    const result = await axe.run(
      { include: [['html']], exclude: excluded.map((s) => [s]) },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        iframes: false,
      },
    );
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));

    interface AxeApi {
      run(
        context: unknown,
        options: unknown,
      ): Promise<{
        violations: Array<{
          id: string;
          impact?: string | null;
          help: string;
          nodes: Array<{ target: string[] }>;
        }>;
      }>;
    }
  }, exclude);
}
