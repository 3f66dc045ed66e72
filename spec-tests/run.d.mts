/**
 * Types of run.mjs for the TypeScript side (spec.test.ts). The runner itself
 * is plain JavaScript so that it can start worker threads without a loader.
 */
export type Counts = Partial<Record<'passed' | 'failed' | 'wrong-message' | 'pending' | 'skipped', number>>;

export interface Summary {
  total: Counts;
  byFeature: Record<string, Counts>;
  byType: Record<string, Counts>;
  pending: Record<string, number>;
  missingStages: Record<string, string>;
  stats: {
    modulesParsed: number;
    modulesParseFailed: number;
    malformedText: [number, number];
    malformedBinary: [number, number];
    roundTrip: [number, number];
  };
  roundTripChecked: boolean;
  skippedFiles: { file: string; reason: string }[];
  ms: number;
  files: Record<string, { counts: Counts; failures: string[]; error: string | null; roundTripFailures: string[]; ms: number | null }>;
}

export function suiteDir(): string;
export function runSuite(opts?: { roundTrip?: boolean; tier?: 'interp' | 'js'; filter?: string; jobs?: number }): Promise<Summary>;
export function report(s: Summary, opts?: { failures?: boolean }): string;
