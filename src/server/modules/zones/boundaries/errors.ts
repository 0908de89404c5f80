import type { ErrorCode } from '@domain/error-catalog';

/** What can be wrong with a boundary file, feature by feature: the `zones.boundary_*` codes of zones' contract.ts. */
export type BoundaryErrorCode = Extract<ErrorCode, `zones.boundary_${string}`>;

/** A problem of a file: the field it is at and its code, with the values its message names. */
export interface FeatureProblem {
  /** The feature's index in `features` (-1 for the file as a whole), to list the problems in file order. */
  index: number;
  field: string;
  code: BoundaryErrorCode;
  params: Record<string, string>;
}
