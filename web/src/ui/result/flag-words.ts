// A few words per flag for a greyed ratio (the full sentence is in the flag list and the
// tooltip). Imports nothing, so the gallery, the claims and unit tests can use it.
const SHORT: Record<string, string> = {
  'few-samples': 'few samples',
  drift: 'times drifted',
  noisy: 'noisy times',
  'noisy-ratio': 'uncertain ratio',
  'work-not-scaling': 'time does not grow with the work',
  'custom-python': 'your edited Python',
  'different-builds': 'different builds',
  'timer-coarse': 'coarse timer',
  mismatch: 'outputs differ',
  nondeterministic: 'results changed between samples',
  'hidden-samples-discarded': 'hidden samples discarded',
  'nothing-to-compare': 'nothing to compare',
};

export function shortFlag(code: string): string {
  return SHORT[code] ?? code;
}
