// The Charts service's enums that the embedded-chart API takes, one set of values per worker, shared
// by the Charts global and the EmbeddedChartBuilder so `Charts.ChartType.LINE` is what the builder
// recognises (and what getChartType() returns).
import { CHART_TYPES, HIDDEN_DIMENSION_STRATEGIES, MERGE_STRATEGIES } from './chart-types';
import { makeEnum } from './enums';

export const ChartType = makeEnum(CHART_TYPES);
export const ChartMergeStrategy = makeEnum(MERGE_STRATEGIES);
export const ChartHiddenDimensionStrategy = makeEnum(HIDDEN_DIMENSION_STRATEGIES);
