/**
 * @jest-environment jsdom
 */
// The sidebar's Dashboard part: once connected it offers the week start and the step goal as saved
// in the document (or as the person is editing them), "Refresh dashboard", and its answer slot.
import { answer, initialModel, receive, type Model } from '../../../../src/ui/sidebar/model';
import { render } from '../../../../src/ui/sidebar/view';
import { connected, sidebarState } from './fixtures';

function draw(model: Model): HTMLElement {
  const root = document.createElement('main');
  root.innerHTML = render(model).text;
  return root;
}

describe('sidebar dashboard settings', () => {
  it('shows the saved week start and step goal next to Refresh dashboard once connected', () => {
    const state = { ...connected(), dashboard: { weekStart: 7 as const, stepGoal: 8000 } };
    const root = draw(receive(initialModel, state));
    const select = root.querySelector<HTMLSelectElement>('#week-start')!;
    expect(select.value).toBe('7');
    expect(select.selectedOptions[0].textContent?.trim()).toBe('Sunday');
    expect(root.querySelector<HTMLInputElement>('#step-goal')!.value).toBe('8000');
    expect(root.querySelector('label[for="step-goal"]')?.textContent).toBe('Daily step goal');
    expect(root.querySelector('#refresh-dashboard')?.textContent?.trim()).toBe('Refresh dashboard');
  });

  it("keeps the person's draft over the server's values, and shows the answer under the form", () => {
    const model = answer(
      {
        ...receive(initialModel, connected()),
        dashboardDraft: { weekStart: '3', stepGoal: '12000' },
      },
      'dashboard',
      'Dashboard refreshed: 2 charts, with Weekly and Monthly summaries.',
      'ok',
    );
    const root = draw(model);
    expect(root.querySelector<HTMLSelectElement>('#week-start')!.value).toBe('3');
    expect(root.querySelector<HTMLInputElement>('#step-goal')!.value).toBe('12000');
    expect(root.querySelector('#dashboard-settings #fb-dashboard')?.textContent).toMatch(
      /Dashboard refreshed/,
    );
  });

  it('is not offered before the account is connected', () => {
    expect(
      draw(receive(initialModel, sidebarState())).querySelector('#dashboard-settings'),
    ).toBeNull();
  });
});
