// Token and cost accounting per stage, as the run report shows it.

import type { ModelUsage } from '../types.js';
import type { TokenUsage } from './chat-client.js';
import type { PriceTable } from './model-config.js';

export function zeroUsage(): ModelUsage {
  return { calls: 0, cacheHits: 0, replayed: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
}

/** Estimated USD for tokens of a model; undefined when the price table does not know the model. */
export function estimateCost(model: string, tokens: TokenUsage, prices: PriceTable): number | undefined {
  // Servers often answer with a dated snapshot name (gpt-4.1-mini-2025-04-14): fall back to the longest known prefix.
  // A router's name (openai/gpt-4.1-mini) is priced as the model it names, unless the table knows the full name.
  const lookup = (name: string) =>
    prices[name] ??
    Object.entries(prices)
      .filter(([m]) => name.startsWith(`${m}-`))
      .sort((a, b) => b[0].length - a[0].length)[0]?.[1];
  const price = lookup(model) ?? (model.includes('/') ? lookup(model.slice(model.lastIndexOf('/') + 1)) : undefined);
  if (!price) return undefined;
  return (tokens.inputTokens * price.input + tokens.outputTokens * price.output) / 1e6;
}

/** Counts one call; its tokens may be estimates (`tokens.estimated`), counted in `estimatedCalls` so the report says so. */
export function addCall(usage: ModelUsage, model: string, tokens: TokenUsage, prices: PriceTable): boolean {
  usage.calls += 1;
  if (tokens.estimated) usage.estimatedCalls = (usage.estimatedCalls ?? 0) + 1;
  usage.inputTokens += tokens.inputTokens;
  usage.outputTokens += tokens.outputTokens;
  const cost = estimateCost(model, tokens, prices);
  if (cost !== undefined) usage.costUsd = Math.round((usage.costUsd + cost) * 1e8) / 1e8;
  return cost !== undefined;
}
