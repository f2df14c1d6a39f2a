// What a chart renderer is given, shared by the registry (../charts.ts) and the renderers.
import type { ChartKind, WorkloadSpec } from '../../generated/catalog';
import type { SharedResult } from '../../shared/share';
import type { SweepData } from './sweep-data';

/** What a chart may draw from: a run's result (with its bytes or points), or a sweep. */
export interface ChartData {
  w: WorkloadSpec;
  result?: SharedResult & { bytes?: Uint8Array; points?: Float64Array };
  sweep?: SweepData;
}

export type ChartRenderer = (root: HTMLElement, data: ChartData) => void;

/** Kinds: the catalog's (ChartKind) plus the views every result or some outputs get. */
export type ViewKind = ChartKind | 'times' | 'throughput';
