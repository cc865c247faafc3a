// The ways a digest run can be wired. Every rule that depends on the mode reads these traits, so a mode is
// described once (and the report names it).
//   live        feeds over the network, the model writes (the nightly job, a one-off date)
//   record      as live, and every feed body, page and answer is saved under fixtures/<date>/
//   dry-run     feeds, pages and answers from a recorded day; no network, no key; the offline writer where no
//               answer was recorded
//   live-model  feeds from a recorded day, the configured model writes (trying a prompt or a model on a fixed
//               day); its answers go to their own cache namespace and never into the recording

import type { RunMode } from '../types.js';

export type { RunMode };

export interface ModeTraits {
  /** Where feeds (and full-text pages) come from. */
  feeds: 'network' | 'fixtures';
  /** Where entries come from unless --offline: the model, or the recording. */
  answers: 'model' | 'recording';
  /** Saves what it read and what the model answered under the fixture folder. */
  records: boolean;
}

export const MODE_TRAITS: Record<RunMode, ModeTraits> = {
  live: { feeds: 'network', answers: 'model', records: false },
  record: { feeds: 'network', answers: 'model', records: true },
  'dry-run': { feeds: 'fixtures', answers: 'recording', records: false },
  'live-model': { feeds: 'fixtures', answers: 'model', records: false },
};
