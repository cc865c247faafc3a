// What the selection knows of a story without a model: whether it is about AI, how many outlets told it, whether
// the publisher's own announcement is among them, whether it is only an arXiv replacement, which arXiv paper it is,
// which section it would land in, how fresh it is. Pure.

import type { Article, EntrySection, FeedConfig, Topic, Window } from '../types.js';
import { classifySection } from '../write/classify-section.js';
import { topicArticles } from '../write/topic-sources.js';
import { judgeRelevance } from './judge-relevance.js';

export interface StorySignals {
  topic: Topic;
  members: Article[];
  /** Any member is about AI (its feed declared on-topic, or the relevance test says so). */
  relevant: boolean;
  /** The evidence of the best member, for the report. */
  relevanceReason: string;
  relevanceScore: number;
  /** Distinct outlets (link texts) that told the story. */
  outlets: number;
  /** A member comes from a feed marked `primary` (the lab's own post). */
  primary: boolean;
  /** Every member is an arXiv replace/replace-cross announcement: an old paper with a new version. */
  replacementOnly: boolean;
  /** The story is an arXiv paper (a member is an arXiv listing). */
  arxiv: boolean;
  /** An arXiv paper that a non-arXiv source (Hugging Face papers, a news outlet) also carries today. */
  paperInNews: boolean;
  /** Highest feed weight of its members (default 1). */
  weight: number;
  section: EntrySection;
  /** The feed of the representative article (for the per-feed cap). */
  feedId: string;
  /** 0 (a day old) … 1 (at the cut-off). */
  freshness: number;
  /** Protected stories (several outlets, or a primary source) are the last to be cut. */
  protected: boolean;
}

export function isArxivListing(a: Article): boolean {
  return a.announceType !== undefined || /(^|\.)arxiv\.org$/i.test(hostOf(a.url));
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function storySignals(
  topic: Topic,
  byId: ReadonlyMap<string, Article>,
  feeds: ReadonlyMap<string, FeedConfig>,
  window: Window,
): StorySignals {
  const members = topicArticles(topic, byId);
  const judged = members.map((a) => ({ a, r: judgeRelevance(a, feeds.get(a.feedId)) }));
  const best = judged.reduce((x, y) => (y.r.score > x.r.score ? y : x), judged[0]!);
  const outlets = new Set(members.map((a) => a.source)).size;
  const primary = members.some((a) => feeds.get(a.feedId)?.primary === true);
  const arxivMembers = members.filter(isArxivListing);
  const replacementOnly = members.length > 0 && members.every((a) => a.announceType === 'replace' || a.announceType === 'replace-cross');
  const paperInNews = arxivMembers.length > 0 && members.some((a) => !isArxivListing(a));
  const end = Date.parse(window.end);
  const newest = Math.max(...members.map((a) => Date.parse(a.publishedAt)).filter(Number.isFinite));
  const ageHours = Number.isFinite(newest) ? Math.max(0, (end - newest) / 3_600_000) : 24;
  return {
    topic,
    members,
    relevant: judged.some((j) => j.r.relevant),
    relevanceReason: `${best.a.source}: ${best.r.reason}`,
    relevanceScore: best.r.score,
    outlets,
    primary,
    replacementOnly,
    arxiv: arxivMembers.length > 0,
    paperInNews,
    weight: Math.max(...members.map((a) => feeds.get(a.feedId)?.weight ?? 1)),
    section: arxivMembers.length > 0 && !paperInNews ? 'research' : classifySection(members, feeds),
    feedId: members[0]?.feedId ?? '',
    freshness: Math.max(0, 1 - ageHours / 24),
    protected: outlets >= 2 || primary,
  };
}

/**
 * The deterministic rank of a story: outlets first (a story several newsrooms chose is news), the publisher's own
 * announcement, a paper others picked up, how clearly it is about AI, freshness; times the feed's weight.
 */
export function baseScore(s: StorySignals): number {
  const raw =
    10 * Math.log2(1 + s.outlets) + (s.primary ? 8 : 0) + (s.paperInNews ? 6 : 0) + Math.min(s.relevanceScore, 9) / 3 + 2 * s.freshness;
  return Math.round(raw * s.weight * 1000) / 1000;
}
