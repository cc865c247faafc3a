// The selection's triage for a run: the triage prompt answered through the writer's own sources (the model and
// its cache, the recording in `record`, the recorded answers in a dry run), so triage answers are cached,
// recorded and replayed like every other. No sources (the offline writer): no triage.

import { createModelTriage, type Triage } from '../select/model-triage.js';
import type { SelectionPolicy } from '../select/selection-policy.js';
import { readPrompt } from '../write/prompt-template.js';
import type { AnswerSources } from './compose-writer.js';

export async function composeTriage(sources: AnswerSources | undefined, policy: SelectionPolicy): Promise<Triage | undefined> {
  if (!sources || !policy.triage.enabled) return undefined;
  const prompt = await readPrompt('triage', sources.promptsDir);
  const model = sources.models.byPrompt.triage ?? prompt.model ?? sources.models.default;
  return createModelTriage({
    prompt,
    model,
    batchSize: policy.triage.batchSize,
    answers: (usage, warn) => ({
      chat: sources.chat,
      cache: sources.cache,
      replay: sources.replay,
      record: sources.record,
      usage,
      prices: sources.prices,
      log: sources.log,
      warn,
    }),
  });
}
