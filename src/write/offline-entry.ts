// One entry built from the articles themselves: extractive, deterministic, no model. Every sentence in it is a
// sentence (or title) of a member article, so it can be wrong only where its sources are.

import { topNames } from '../text/extract-entities.js';
import { leadSentences, splitSentences } from '../text/split-sentences.js';
import type { Article, Entry, FeedConfig, Topic } from '../types.js';
import { classifySection } from './classify-section.js';
import { rateImportance } from './rate-importance.js';
import { topicArticles, topicSources } from './topic-sources.js';

const SUMMARY_CHARS = { zh: 150, en: 260 } as const;

/** The article whose words lead the entry: a Chinese one when the story has one, since the digest is Chinese. */
function leadArticle(members: Article[]): Article {
  return members.find((a) => a.lang === 'zh' && a.text.length > 40) ?? members.find((a) => a.text.length > 40) ?? members[0]!;
}

function stripTitle(text: string, title: string): string {
  return text.startsWith(title) ? text.slice(title.length).trim() : text;
}

// Feed boilerplate ("The post X appeared first on Y.", "Continue reading...") is not a fact about the story.
const BOILERPLATE = /appeared first on|^continue reading|^read more|^the post /i;

function factSentences(text: string): string[] {
  return splitSentences(text).filter((s) => !BOILERPLATE.test(s));
}

export function writeOfflineEntry(topic: Topic, byId: ReadonlyMap<string, Article>, feeds: ReadonlyMap<string, FeedConfig>): Entry {
  const members = topicArticles(topic, byId);
  if (members.length === 0) throw new Error(`topic ${topic.id} has no known articles`);
  const lead = leadArticle(members);
  const body = stripTitle(lead.text, lead.title);
  const summary = leadSentences(factSentences(body).join(' '), SUMMARY_CHARS[lead.lang]) || lead.title;
  const section = classifySection(members, feeds);

  // Details: the lead's further sentences that carry facts (numbers or names), then the other reports' headlines.
  const used = new Set(splitSentences(summary));
  const details: string[] = [];
  if (section !== 'trends' && section !== 'market') {
    for (const s of factSentences(body)) {
      if (details.length >= 3) break;
      if (used.has(s) || s.length < 25 || s.length > 260) continue;
      if (/\d|[A-Z][a-z]+[A-Z]|[A-Z]{2,}/.test(s)) details.push(s);
    }
  }
  for (const other of members) {
    if (other === lead || details.length >= 5) continue;
    details.push(`${other.source}：${other.title}`);
  }

  const entities = topNames(
    members.flatMap((a) => [
      { text: a.title, weight: 3, group: a.id },
      { text: a.text.slice(0, 1500), weight: 1, group: a.id },
    ]),
    5,
  );
  const { level, reason } = rateImportance(members);
  return {
    topicId: topic.id,
    section,
    title: lead.title,
    summary,
    details,
    useCases: [],
    entities: entities.length ? entities : [...new Set(members.map((a) => a.source))],
    importance: level,
    importanceReason: reason,
    sources: topicSources(topic, byId),
  };
}
