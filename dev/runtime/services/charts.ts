// The Charts global, as far as embedded Sheets charts use it: the ChartType, ChartMergeStrategy and
// ChartHiddenDimensionStrategy enums that EmbeddedChartBuilder takes. Needs no authorization.
import {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
} from './spreadsheet/chart-enums';

export function createCharts(): object {
  return {
    ChartType,
    ChartMergeStrategy,
    ChartHiddenDimensionStrategy,
    toString: () => 'Charts',
  };
}
