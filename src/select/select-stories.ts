// The select stage: an editor's choice, not a dump. From the day's stories (after clustering and cross-day memory)
// to the ones worth a reader's morning, with every story left out listed with its reason. Pure and deterministic:
// (stories, articles, policy, signals) → {selected, dropped}.
//
//   1. stories as an editor counts them: one per arXiv paper (split-stories.ts, merge-arxiv-topics.ts), and the
//      non-AI members of a story split off
//   2. off-topic: no member is about AI (judge-relevance.ts, or the model's triage when there is one)
//   3. replacement: only arXiv `replace` announcements, and no other source carries the paper today
//   4. rank (story-signals.ts baseScore, plus the triage's importance), then fill: protected stories (several
//      outlets, or the publisher's own announcement) first, then the rest within the section, arXiv and feed caps,
//      up to maxEntries (below-cut)
//   5. budget: the estimated calls and cost of writing what was chosen; the lowest-ranked are cut before the first
//      entry is written, protected stories last

import type { Article, DroppedStory, EntrySection, FeedConfig, Topic, Window } from '../types.js';
import { mergeArxivTopics } from './merge-arxiv-topics.js';
import { splitOffTopic, splitPapers, topicIdSource } from './split-stories.js';
import { sectionCap, type SelectionPolicy } from './selection-policy.js';
import { baseScore, storySignals, type StorySignals } from './story-signals.js';

/** The model's view of a candidate (prompts/triage.md): 0 none … 3 high. */
export interface TriageScore {
  relevance: number;
  importance: number;
}

/** What writing one more entry costs, and what the run costs whatever is chosen (triage, frame). */
export interface BudgetEstimate {
  callsPerEntry: number;
  costPerEntryUsd: number;
  fixedCalls: number;
  fixedCostUsd: number;
}

export interface SelectionSignals {
  /** By topic id; absent when no model triaged (the deterministic ranking decides). */
  triage?: ReadonlyMap<string, TriageScore>;
  /** Absent when the writer makes no model calls (offline, replay). */
  budget?: BudgetEstimate;
}

export interface SelectionInput {
  topics: readonly Topic[];
  articles: readonly Article[];
  feeds: readonly FeedConfig[];
  window: Window;
}

export interface SelectedStory {
  topic: Topic;
  score: number;
  section: EntrySection;
  protected: boolean;
}

/** A story left out by the selection, with what the report shows of it. */
export interface SelectionDrop extends DroppedStory {
  feeds: string[];
  urls: string[];
}

export interface SelectionResult {
  /** In rank order. */
  selected: SelectedStory[];
  dropped: SelectionDrop[];
  /** Stories that passed relevance and replacement (the ones ranked). */
  candidates: number;
  /** Stories considered (after clustering, memory and the arXiv merge). */
  stories: number;
}

interface Ranked {
  s: StorySignals;
  score: number;
}

export function rankCandidates(
  input: SelectionInput,
  signals: SelectionSignals = {},
): { ranked: Ranked[]; dropped: SelectionDrop[]; stories: number } {
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const feeds = new Map(input.feeds.map((f) => [f.id, f]));
  const nextId = topicIdSource(input.topics);
  const papers = mergeArxivTopics(splitPapers(input.topics, byId, nextId), byId);
  const topics = papers.flatMap((t) => splitOffTopic(t, byId, feeds, nextId));
  const dropped: SelectionDrop[] = [];
  const ranked: Ranked[] = [];
  for (const topic of topics) {
    const s = storySignals(topic, byId, feeds, input.window);
    const triage = signals.triage?.get(topic.id);
    if (s.replacementOnly) {
      dropped.push(drop(s, 'replacement', 'an arXiv replacement (a new version of an older paper) that no other source carries today'));
      continue;
    }
    const relevant = triage ? triage.relevance > 0 : s.relevant;
    if (!relevant) {
      dropped.push(drop(s, 'off-topic', triage ? 'the model triage judged it not about AI' : `not about AI (${s.relevanceReason})`));
      continue;
    }
    ranked.push({ s, score: baseScore(s) + (triage ? 6 * triage.importance : 0) });
  }
  ranked.sort((a, b) => b.score - a.score || ordinal(a.s.topic) - ordinal(b.s.topic));
  return { ranked, dropped, stories: topics.length };
}

export function selectStories(input: SelectionInput, policy: SelectionPolicy, signals: SelectionSignals = {}): SelectionResult {
  const { ranked, dropped, stories } = rankCandidates(input, signals);
  const chosen = new Set<Ranked>();
  const sections = new Map<EntrySection, number>();
  const perFeed = new Map<string, number>();
  let arxiv = 0;
  const take = (r: Ranked) => {
    chosen.add(r);
    sections.set(r.s.section, (sections.get(r.s.section) ?? 0) + 1);
    perFeed.set(r.s.feedId, (perFeed.get(r.s.feedId) ?? 0) + 1);
    if (r.s.arxiv) arxiv++;
  };
  // Protected stories first: several outlets or the publisher's own word make them the day's news.
  for (const r of ranked) if (r.s.protected && chosen.size < policy.maxEntries) take(r);
  const reasons = new Map<Ranked, SelectionDrop>();
  for (const r of ranked) {
    if (chosen.has(r)) continue;
    if (chosen.size >= policy.maxEntries) reasons.set(r, drop(r.s, 'below-cut', `ranked below the day's ${policy.maxEntries} entries`));
    else if ((sections.get(r.s.section) ?? 0) >= sectionCap(policy, r.s.section))
      reasons.set(r, drop(r.s, 'section-cap', `the ${r.s.section} section is full (${sectionCap(policy, r.s.section)})`));
    else if (r.s.arxiv && arxiv >= policy.arxivMax)
      reasons.set(r, drop(r.s, 'section-cap', `the day has its ${policy.arxivMax} arXiv papers`));
    else if ((perFeed.get(r.s.feedId) ?? 0) >= policy.maxPerFeed)
      reasons.set(r, drop(r.s, 'feed-cap', `feed ${r.s.feedId} has its ${policy.maxPerFeed} entries`));
    else take(r);
  }
  let selected = ranked.filter((r) => chosen.has(r));
  selected = trimToBudget(selected, policy, signals.budget, (r, why) => reasons.set(r, drop(r.s, 'budget', why)));
  for (const r of ranked) {
    const d = reasons.get(r);
    if (d && !selected.includes(r)) dropped.push(d);
  }
  return {
    selected: selected.map((r) => ({ topic: r.s.topic, score: r.score, section: r.s.section, protected: r.s.protected })),
    dropped,
    candidates: ranked.length,
    stories,
  };
}

/** Cuts the lowest-ranked stories until the estimate fits; unprotected ones go before protected ones. */
function trimToBudget(
  selected: Ranked[],
  policy: SelectionPolicy,
  budget: BudgetEstimate | undefined,
  cut: (r: Ranked, why: string) => void,
): Ranked[] {
  if (!budget) return selected;
  const calls = (n: number) => budget.fixedCalls + n * budget.callsPerEntry;
  const cost = (n: number) => budget.fixedCostUsd + n * budget.costPerEntryUsd;
  let n = selected.length;
  while (n > 0 && (calls(n) > policy.budget.maxCalls || cost(n) > policy.budget.maxCostUsd)) n--;
  if (n === selected.length) return selected;
  const order = [...selected].reverse().sort((a, b) => Number(a.s.protected) - Number(b.s.protected));
  const out = new Set(order.slice(0, selected.length - n));
  const why = `over the run's budget (${policy.budget.maxCalls} calls, $${policy.budget.maxCostUsd}): ${n} entries fit, estimated ${calls(n)} calls and $${cost(n).toFixed(4)}`;
  for (const r of out) cut(r, why);
  return selected.filter((r) => !out.has(r));
}

function drop(s: StorySignals, code: SelectionDrop['code'], reason: string): SelectionDrop {
  return {
    topicId: s.topic.id,
    title: s.members[0]?.title ?? s.topic.id,
    code,
    reason,
    feeds: [...new Set(s.members.map((a) => a.feedId))],
    urls: s.members.map((a) => a.url),
  };
}

function ordinal(t: Topic): number {
  return Number(t.id.slice(1)) || 0;
}
