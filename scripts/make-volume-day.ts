// Writes fixtures/2025-12-10/: a recorded day at real volume (hundreds of feed items) for the select stage, together
// with its hand labels. Feeds and labels are written from the same records, so they cannot drift apart.
//
// Deterministic: one seeded PRNG, no clock, no locale, no Map/Set iteration over unsorted input. Re-running the script
// rewrites every file byte for byte; tests/select/volume-day-fixture.test.ts checks that, so after editing the script
// re-run it and commit its output together with it.
//
//   node bin/tsx-run.mjs scripts/make-volume-day.ts [--out DIR]        (default: fixtures/2025-12-10)
//
// Everything here is written by us. The day's big stories follow events of 8–9 December 2025, but titles, summaries,
// numbers, bylines and most URLs are ours; arXiv papers, their authors and small companies are invented.

import { arxivRssDocument, arxivRssItem } from '../tests/helpers/arxiv-rss.js';
import { mulberry32 } from '../tests/helpers/seeded-random.js';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DATE = '2025-12-10';
/** 06:45 Asia/Taipei on DATE and the 24 hours before it: [start, end). */
const WINDOW = { start: '2025-12-08T22:45:00.000Z', end: '2025-12-09T22:45:00.000Z' };
const SEED = 20251210;

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness: mulberry32 uses only 32-bit integer arithmetic, so every platform draws the same numbers.

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  /** n distinct elements, in the order drawn. */
  sample<T>(xs: readonly T[], n: number): T[] {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }
  /** One decimal, as papers and articles print numbers. */
  decimal(lo: number, hi: number): string {
    return (lo + this.next() * (hi - lo)).toFixed(1);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Dates. Item times are written in the data as 'MM-DD HH:MM[:SS]' UTC of 2025 and rendered the way each feed does.

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function utc(at: string): string {
  const m = /^(\d\d)-(\d\d) (\d\d):(\d\d)(?::(\d\d))?$/.exec(at);
  if (!m) throw new Error(`bad time "${at}": expected MM-DD HH:MM[:SS]`);
  return `2025-${m[1]}-${m[2]}T${m[3]}:${m[4]}:${m[5] ?? '00'}.000Z`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function shifted(iso: string, offsetMin: number): Date {
  return new Date(Date.parse(iso) + offsetMin * 60_000);
}

function offsetLabel(offsetMin: number, colon: boolean): string {
  const sign = offsetMin < 0 ? '-' : '+';
  const a = Math.abs(offsetMin);
  return `${sign}${pad(Math.floor(a / 60))}${colon ? ':' : ''}${pad(a % 60)}`;
}

/** RFC 822 as feeds write it: `Tue, 09 Dec 2025 17:28:36 +0000`, or with `GMT` when `zone` says so. */
function rfc822(iso: string, offsetMin = 0, zone?: 'GMT'): string {
  const d = shifted(iso, offsetMin);
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${WEEKDAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${clock} ${zone ?? offsetLabel(offsetMin, false)}`;
}

/** ISO 8601 with a local offset: `2025-12-09T12:28:36-05:00`. */
function isoLocal(iso: string, offsetMin: number): string {
  return `${shifted(iso, offsetMin).toISOString().slice(0, 19)}${offsetLabel(offsetMin, true)}`;
}

function inWindow(iso: string): boolean {
  const t = Date.parse(iso);
  return t >= Date.parse(WINDOW.start) && t < Date.parse(WINDOW.end);
}

// ---------------------------------------------------------------------------------------------------------------
// XML text.

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cdata(s: string): string {
  if (s.includes(']]>')) throw new Error(`"]]>" cannot go into CDATA: ${s.slice(0, 60)}`);
  return `<![CDATA[${s}]]>`;
}

// ---------------------------------------------------------------------------------------------------------------
// The feeds of the day, in feeds.yaml order. The order matters: a URL seen in two feeds is kept from the first, so
// the lab blogs come before the outlets that repeat their links, and Hacker News comes last.

type Format = 'arxiv-rss' | 'hf-rss' | 'wordpress-rss' | 'plain-rss' | 'scraper-rss' | 'atom' | 'rdf' | 'drupal-rss' | 'hnrss';

interface FeedSpec {
  id: string;
  name: string;
  url: string;
  lang: 'en' | 'zh';
  format: Format;
  section?: 'research' | 'tools' | 'applications' | 'trends' | 'market';
  onTopic?: boolean;
  primary?: boolean;
  weight?: number;
  /** One line for the README: what the feed stands for in this day. */
  note: string;
}

const ARXIV_CATEGORIES = ['cs.AI', 'cs.CL', 'cs.CV', 'cs.LG'] as const;
type ArxivCategory = (typeof ARXIV_CATEGORIES)[number];
const arxivFeedId = (c: ArxivCategory) => `arxiv-${c.replace('.', '-').toLowerCase()}`;

const FEEDS: FeedSpec[] = [
  {
    id: 'openai-news',
    name: 'OpenAI',
    url: 'https://openai.com/news/rss.xml',
    lang: 'en',
    format: 'plain-rss',
    onTopic: true,
    primary: true,
    note: 'lab blog: RSS 2.0, CDATA titles, `GMT` dates',
  },
  {
    id: 'anthropic-news',
    name: 'Anthropic',
    url: 'https://raw.githubusercontent.com/Olshansk/rss-feeds/main/feeds/feed_anthropic_news.xml',
    lang: 'en',
    format: 'scraper-rss',
    onTopic: true,
    primary: true,
    note: 'lab blog via a scraper (python-feedgen): dates at midnight only, old posts kept, description = title',
  },
  {
    id: 'deepmind-blog',
    name: 'Google DeepMind',
    url: 'https://deepmind.google/blog/rss.xml',
    lang: 'en',
    format: 'plain-rss',
    onTopic: true,
    primary: true,
    note: 'lab blog: RSS 2.0',
  },
  ...ARXIV_CATEGORIES.map((c): FeedSpec => ({
    id: arxivFeedId(c),
    name: `arXiv ${c}`,
    url: `https://rss.arxiv.org/rss/${c}`,
    lang: 'en',
    format: 'arxiv-rss',
    section: 'research',
    onTopic: true,
    note: `arXiv's current RSS 2.0 listing of ${c}: new, cross, replace, replace-cross`,
  })),
  {
    id: 'huggingface-papers',
    name: 'Hugging Face Papers',
    url: 'https://raw.githubusercontent.com/MichaelMarkert/rss/main/hf_papers.xml',
    lang: 'en',
    format: 'hf-rss',
    section: 'research',
    onTopic: true,
    note: 'daily papers (rfeed RSS 2.0 on one line): links to huggingface.co/papers/<arXiv id>',
  },
  {
    id: 'nature-machine-intelligence',
    name: 'Nature Machine Intelligence',
    url: 'https://www.nature.com/natmachintell.rss',
    lang: 'en',
    format: 'rdf',
    section: 'research',
    onTopic: true,
    note: 'journal: RSS 1.0 / RDF, `dc:date` without a time',
  },
  {
    id: 'techcrunch',
    name: 'TechCrunch',
    url: 'https://techcrunch.com/feed/',
    lang: 'en',
    format: 'wordpress-rss',
    note: 'all-topics tech news: WordPress RSS 2.0 with `content:encoded`; about half of it is not AI',
  },
  {
    id: 'the-verge-ai',
    name: 'The Verge',
    url: 'https://www.theverge.com/rss/ai-artificial-intelligence/index.xml',
    lang: 'en',
    format: 'atom',
    note: 'AI section: Atom 1.0, `-05:00` times',
  },
  {
    id: 'venturebeat-ai',
    name: 'VentureBeat',
    url: 'https://venturebeat.com/category/ai/feed/',
    lang: 'en',
    format: 'wordpress-rss',
    note: 'AI section: WordPress RSS 2.0',
  },
  {
    id: 'mit-tech-review-ai',
    name: 'MIT Technology Review',
    url: 'https://www.technologyreview.com/topic/artificial-intelligence/feed',
    lang: 'en',
    format: 'wordpress-rss',
    section: 'trends',
    note: 'AI topic: WordPress RSS 2.0',
  },
  {
    id: 'ithome-tw',
    name: 'iThome',
    url: 'https://www.ithome.com.tw/rss',
    lang: 'zh',
    format: 'drupal-rss',
    note: 'Traditional Chinese general IT news (Drupal RSS 2.0, `+0800`): AI mixed with security, chips, telecom, phones',
  },
  {
    id: 'qbitai',
    name: '量子位',
    url: 'https://www.qbitai.com/feed',
    lang: 'zh',
    format: 'wordpress-rss',
    note: 'Simplified Chinese AI news: WordPress RSS 2.0, `+0800`',
  },
  {
    id: 'hacker-news',
    name: 'Hacker News',
    url: 'https://hnrss.org/frontpage',
    lang: 'en',
    format: 'hnrss',
    weight: 0.5,
    note: 'aggregator (hnrss front page): outlet links, no article text, mostly not AI',
  },
];

const feedById = (id: string): FeedSpec => {
  const f = FEEDS.find((x) => x.id === id);
  if (!f) throw new Error(`unknown feed ${id}`);
  return f;
};

// ---------------------------------------------------------------------------------------------------------------
// Stories that more than one article tells. `ai: false` stories are multi-outlet too, but an AI digest drops them.

const STORIES = {
  aaif: { label: 'Agentic AI Foundation: MCP, AGENTS.md and goose move to the Linux Foundation', ai: true },
  h200: { label: 'US lets Nvidia sell H200 chips in China, taking a 25% cut', ai: true },
  'eu-google': { label: 'EU antitrust probe into Google’s use of publisher content for AI Overviews', ai: true },
  devstral: { label: 'Mistral releases Devstral 2 and the Vibe CLI coding agent', ai: true },
  dresser: { label: 'Slack CEO Denise Dresser joins OpenAI as chief revenue officer', ai: true },
  'deepmind-uk': { label: 'Google DeepMind–UK government partnership: automated materials lab in 2026', ai: true },
  'openai-enterprise': { label: 'OpenAI report on the state of enterprise AI', ai: true },
  accenture: { label: 'Accenture and Anthropic multi-year partnership, 30,000 staff trained on Claude', ai: true },
  teens: { label: 'Pew survey: three in ten US teens use AI chatbots every day', ai: true },
  'xr-glasses': { label: 'Google’s first Android XR glasses arrive in 2026', ai: true },
  agentwork: { label: 'AgentWork v2: AI agents finish few real freelance projects (replaced arXiv paper in the news)', ai: true },
  streamworld: { label: 'StreamWorld: real-time interactive world model (new arXiv paper, on HF, reported in Chinese)', ai: true },
  spacex: { label: 'SpaceX reportedly plans a 2026 IPO at a $1.5T valuation', ai: false },
  'ford-renault': { label: 'Ford and Renault team up on cheaper EVs for Europe', ai: false },
  kestrel: { label: 'Crypto exchange Kestrel halts withdrawals after a hot-wallet theft', ai: false },
  framework: { label: 'Framework raises laptop prices as memory costs climb', ai: false },
} as const;
type StoryKey = keyof typeof STORIES;

interface HnMeta {
  id: number;
  points: number;
  comments: number;
  by: string;
  /** Ask HN / Show HN text. */
  text?: string;
}

interface News {
  feed: string;
  /** 'MM-DD HH:MM[:SS]', UTC, 2025. */
  at: string;
  /** The canonical URL (what the collector keeps). */
  url: string;
  /** The link as the feed writes it, when it differs from url (tracking parameters). */
  link?: string;
  title: string;
  summary: string;
  /** A second paragraph, for feeds that carry full content (content:encoded, Atom content). */
  body?: string;
  by?: string;
  tags?: string[];
  /** The editor's call: is this an AI story? */
  ai: boolean;
  story?: StoryKey;
  /** Set on a news item that reports an arXiv paper of the day (its id): it joins the paper's story. */
  paper?: string;
  hn?: HnMeta;
  /** A case the select stage must get right, listed in the README. */
  edge?: string;
}

const TC = 'https://techcrunch.com/2025/12/09/';

const TECHCRUNCH: Omit<News, 'feed'>[] = [
  // --- AI, in the window
  {
    at: '12-09 17:28:36',
    url: `${TC}openai-anthropic-and-block-put-their-agent-standards-under-one-linux-foundation-roof/`,
    title: 'OpenAI, Anthropic and Block put their agent standards under one Linux Foundation roof',
    summary:
      'The new Agentic AI Foundation will steward Anthropic’s Model Context Protocol, OpenAI’s AGENTS.md and Block’s goose, with Google, Microsoft and AWS among its first members.',
    body: 'The foundation is set up as a directed fund of the Linux Foundation, which means the three projects keep their maintainers but gain neutral governance and a shared budget. Anthropic says MCP has grown to more than 10,000 public servers in the year since it was released.',
    by: 'Maya Okafor',
    tags: ['AI', 'Enterprise', 'Anthropic', 'OpenAI', 'Linux Foundation'],
    ai: true,
    story: 'aaif',
  },
  {
    at: '12-09 15:10:02',
    url: `${TC}nvidias-h200-reprieve-comes-with-a-25-toll-and-plenty-of-open-questions/`,
    title: 'Nvidia’s H200 reprieve comes with a 25% toll and plenty of open questions',
    summary:
      'Analysts are not sure Chinese buyers will want a two-year-old accelerator while Beijing steers them toward domestic chips, and AMD expects similar terms for its own parts.',
    body: 'The arrangement excludes Blackwell and the coming Rubin generation. Nvidia had written its China data-center revenue down to almost nothing earlier this year, so any sales would be upside for the company.',
    by: 'Daniel Brandt',
    tags: ['AI', 'Hardware', 'Government & Policy', 'Nvidia', 'China'],
    ai: true,
    story: 'h200',
  },
  {
    at: '12-09 16:29:49',
    url: `${TC}eu-opens-antitrust-probe-into-how-google-uses-publishers-content-for-ai-overviews/`,
    title: 'EU opens antitrust probe into how Google uses publishers’ content for AI Overviews',
    summary:
      'The European Commission will examine whether Google used news articles and YouTube videos to build its AI answers without fair payment or a real way for publishers to opt out.',
    body: 'Publishers have complained that AI Overviews and AI Mode answer the question on the results page and send them far less traffic. Google says the probe risks slowing down innovation in Europe.',
    by: 'Lena Fischer',
    tags: ['AI', 'Government & Policy', 'Google', 'European Commission'],
    ai: true,
    story: 'eu-google',
  },
  {
    at: '12-09 19:41:40',
    url: `${TC}slack-ceo-denise-dresser-is-leaving-for-openai-to-become-its-chief-revenue-officer/`,
    title: 'Slack CEO Denise Dresser is leaving for OpenAI to become its chief revenue officer',
    summary:
      'Dresser, who ran Slack inside Salesforce, will oversee OpenAI’s enterprise sales and customer success as the company pushes ChatGPT Enterprise and its API harder into large businesses.',
    by: 'Maya Okafor',
    tags: ['AI', 'Enterprise', 'OpenAI', 'Slack'],
    ai: true,
    story: 'dresser',
  },
  {
    at: '12-09 11:20:00',
    url: `${TC}google-deepmind-will-open-an-automated-materials-lab-in-the-uk-next-year/`,
    title: 'Google DeepMind will open an automated materials lab in the UK next year',
    summary:
      'The lab, part of a wider agreement with the British government, will use robots and Gemini models to synthesize and test new materials such as superconductors and battery components.',
    body: 'The partnership also gives UK scientists priority access to DeepMind research tools and puts Gemini-based tutoring pilots into some schools. The government has signed similar agreements with OpenAI and Anthropic this year.',
    by: 'Aisha Karimi',
    tags: ['AI', 'Science', 'Google DeepMind', 'United Kingdom'],
    ai: true,
    story: 'deepmind-uk',
  },
  {
    at: '12-09 22:21:33',
    url: `${TC}fal-raises-140m-led-by-sequoia-tripling-its-valuation-to-4-5b/`,
    title: 'Fal raises $140M led by Sequoia, tripling its valuation to $4.5B',
    summary:
      'The generative-media inference platform raised its third round of the year; the deal also let early investors sell some shares.',
    by: 'Tom Vasquez',
    tags: ['AI', 'Startups', 'Fundraising', 'Sequoia'],
    ai: true,
  },
  {
    at: '12-09 20:00:00',
    url: `${TC}three-in-ten-us-teens-now-talk-to-chatbots-every-day-survey-finds/`,
    title: 'Three in ten US teens now talk to chatbots every day, survey finds',
    summary:
      'A Pew Research Center survey found that about 30% of US teens use ChatGPT, Gemini, Character.AI or similar bots daily, and that parents worry most about companionship apps.',
    by: 'Sam Whitaker',
    tags: ['AI', 'Social', 'Pew Research Center', 'Teens'],
    ai: true,
    story: 'teens',
    edge: 'AI story whose title never says “AI”',
  },
  {
    at: '12-09 16:30:37',
    url: `${TC}google-says-its-first-gemini-powered-glasses-will-ship-in-2026/`,
    title: 'Google says its first Gemini-powered glasses will ship in 2026',
    summary:
      'Google showed two designs built with Samsung, Warby Parker and Gentle Monster: one with a small display in the lens and one audio-only, both built around Gemini.',
    by: 'Priya Raman',
    tags: ['AI', 'Hardware', 'Google', 'Android XR', 'Smart glasses'],
    ai: true,
    story: 'xr-glasses',
  },
  {
    at: '12-09 13:05:00',
    url: `${TC}accenture-will-train-30000-staff-on-claude-in-new-anthropic-deal/`,
    title: 'Accenture will train 30,000 staff on Claude in a new multi-year Anthropic deal',
    summary:
      'The consultancy is forming a dedicated Anthropic business group and will sell Claude Code and agent projects to regulated industries such as banking and health care.',
    by: 'Tom Vasquez',
    tags: ['AI', 'Enterprise', 'Anthropic', 'Accenture'],
    ai: true,
    story: 'accenture',
  },
  {
    at: '12-09 06:40:00',
    url: `${TC}microsoft-commits-17-5b-to-cloud-and-ai-infrastructure-in-india/`,
    title: 'Microsoft commits $17.5B to cloud and AI infrastructure in India',
    summary:
      'The four-year plan, announced during Satya Nadella’s visit, is Microsoft’s largest investment in Asia and includes new data-center capacity in Hyderabad and AI skilling programs.',
    by: 'Priya Raman',
    tags: ['AI', 'Enterprise', 'Microsoft', 'India', 'Data centers'],
    ai: true,
  },
  {
    at: '12-09 20:11:13',
    url: `${TC}rivian-is-building-its-own-ai-assistant-for-its-cars/`,
    title: 'Rivian is building its own AI assistant for its cars',
    summary:
      'Rivian’s assistant runs partly on the vehicle and partly in the cloud and will be able to change settings, plan charging stops and answer questions about the car.',
    by: 'Ben Costa',
    tags: ['AI', 'Transportation', 'Rivian'],
    ai: true,
  },
  {
    at: '12-09 19:04:08',
    url: `${TC}ring-doorbells-can-now-recognize-the-people-who-visit-you-most/`,
    title: 'Ring doorbells can now recognize the people who visit you most',
    summary:
      'Amazon’s Ring is rolling out Familiar Faces, an opt-in facial-recognition feature that names frequent visitors in alerts; privacy groups say it captures people who never agreed to it.',
    by: 'Lena Fischer',
    tags: ['Security', 'Hardware', 'Amazon', 'Ring', 'Facial recognition'],
    ai: true,
    edge: 'AI story whose title never says “AI”',
  },
  {
    at: '12-09 20:59:21',
    url: `${TC}why-cursors-ceo-isnt-losing-sleep-over-openai-and-anthropic/`,
    title: 'Why Cursor’s CEO isn’t losing sleep over OpenAI and Anthropic',
    summary:
      'Michael Truell argues that owning the editor and training its own models for code completion protects Cursor even as the model labs ship coding agents of their own.',
    by: 'Sam Whitaker',
    tags: ['AI', 'Startups', 'Cursor', 'Developer tools'],
    ai: true,
  },
  {
    at: '12-09 22:20:39',
    url: `${TC}cashew-research-wants-to-automate-the-90b-market-research-business/`,
    title: 'Cashew Research wants to automate the $90B market research business',
    summary:
      'The startup uses language models to design surveys, recruit respondents and write up findings, while still collecting answers from real people.',
    by: 'Tom Vasquez',
    tags: ['Startups', 'Enterprise', 'Cashew Research'],
    ai: true,
    edge: 'AI story whose title never says “AI”',
  },
  {
    at: '12-09 15:00:00',
    url: `${TC}pebbles-founder-is-back-with-a-75-ring-that-remembers-what-you-tell-it/`,
    title: 'Pebble’s founder is back with a $75 ring that remembers what you tell it',
    summary:
      'Press the ring’s button and speak: an on-device speech model transcribes the note, and a small language model files it as a reminder, a to-do or a journal entry.',
    by: 'Priya Raman',
    tags: ['Hardware', 'Gadgets', 'Wearables'],
    ai: true,
    edge: 'AI story whose title never says “AI”',
  },
  {
    at: '12-09 13:51:22',
    url: `${TC}empromptu-raises-2m-pre-seed-to-help-enterprises-build-ai-apps/`,
    title: 'Empromptu raises $2M pre-seed to help enterprises build AI apps',
    summary:
      'Empromptu’s tool turns a description of an internal app into a working prototype and keeps tuning its prompts against the company’s own data.',
    by: 'Tom Vasquez',
    tags: ['AI', 'Startups', 'Fundraising'],
    ai: true,
  },
  {
    at: '12-09 16:42:57',
    url: `${TC}alexa-can-now-track-your-deliveries-and-suggest-last-minute-gifts/`,
    title: 'Alexa+ can now track your deliveries and suggest last-minute gifts',
    summary:
      'Amazon’s generative-AI assistant adds package tracking, add-to-order requests and gift ideas drawn from a person’s shopping history.',
    by: 'Sam Whitaker',
    tags: ['AI', 'Commerce', 'Amazon', 'Alexa'],
    ai: true,
  },
  {
    at: '12-09 19:17:41',
    url: `${TC}boom-supersonic-raises-300m-to-build-gas-turbines-for-crusoes-ai-data-centers/`,
    title: 'Boom Supersonic raises $300M to build gas turbines for Crusoe’s AI data centers',
    summary:
      'The jet startup will adapt its engine work into natural-gas turbines that power AI data centers, with Crusoe as the launch customer.',
    by: 'Ben Costa',
    tags: ['AI', 'Climate', 'Boom Supersonic', 'Crusoe', 'Data centers'],
    ai: true,
  },
  {
    at: '12-09 21:45:00',
    url: `${TC}equity-agent-standards-a-25-chip-toll-and-spacexs-trillion-dollar-math/`,
    title: 'Equity: agent standards, a 25% chip toll and SpaceX’s trillion-dollar math',
    summary:
      'This week’s podcast covers the new Agentic AI Foundation, what the H200 decision means for Nvidia, and whether a $1.5 trillion SpaceX listing adds up.',
    by: 'Equity Podcast',
    tags: ['AI', 'Podcasts', 'Equity'],
    ai: true,
    edge: 'a podcast round-up of several stories (AI and not)',
  },
  {
    at: '12-09 14:30:00',
    url: `${TC}tessellate-raises-28m-to-help-banks-audit-the-ai-models-they-buy/`,
    title: 'Tessellate raises $28M to help banks audit the AI models they buy',
    summary:
      'Tessellate runs third-party language models through bank-specific test suites for bias, leakage of customer data and drift, and produces reports that examiners accept.',
    by: 'Maya Okafor',
    tags: ['AI', 'Fintech', 'Startups', 'Fundraising'],
    ai: true,
  },
  {
    at: '12-09 18:20:00',
    url: `${TC}foldwises-laundry-robot-learned-to-fold-from-10000-hours-of-teleoperation/`,
    title: 'Foldwise’s laundry robot learned to fold from 10,000 hours of teleoperation',
    summary:
      'The startup trained a vision-language-action policy on remote-controlled demonstrations and says its two-armed robot now folds a towel in under 30 seconds.',
    by: 'Ben Costa',
    tags: ['AI', 'Robotics', 'Startups'],
    ai: true,
  },
  {
    at: '12-09 21:00:00',
    url: `${TC}waymo-opens-freeway-robotaxi-rides-to-more-riders-in-phoenix/`,
    title: 'Waymo opens freeway robotaxi rides to more riders in Phoenix',
    summary: 'Riders in the Phoenix area can now be routed onto highways, which Waymo says cuts airport trips by up to a third.',
    by: 'Ben Costa',
    tags: ['Transportation', 'Autonomous vehicles', 'Waymo'],
    ai: true,
    edge: 'self-driving: AI by an editor’s reading, though the text never says so',
  },
  {
    at: '12-09 12:10:00',
    url: `${TC}ai-tutoring-startup-quillbright-signs-its-first-statewide-contract/`,
    title: 'AI tutoring startup Quillbright signs its first statewide contract',
    summary:
      'Quillbright’s math tutor, built on an open-weight model it fine-tuned on worked solutions, will be offered to every public middle school in the state from January.',
    by: 'Sam Whitaker',
    tags: ['AI', 'Education', 'Startups'],
    ai: true,
  },
  {
    at: '12-09 10:05:00',
    url: `${TC}stitchflow-raises-12m-to-stop-ai-agents-from-leaking-company-data/`,
    title: 'Stitchflow raises $12M to stop AI agents from leaking company data',
    summary:
      'The security startup maps which SaaS data each AI agent can reach through its connectors and blocks requests that would expose more than the task needs.',
    by: 'Lena Fischer',
    tags: ['AI', 'Security', 'Startups', 'Fundraising'],
    ai: true,
  },
  {
    at: '12-09 09:30:00',
    url: `${TC}kindred-health-rolls-out-ai-scribes-to-40-rural-clinics/`,
    title: 'Kindred Health rolls out AI scribes to 40 rural clinics',
    summary:
      'Doctors at the clinics dictate nothing: an ambient model listens to the visit and drafts the note, which the clinician edits and signs.',
    by: 'Aisha Karimi',
    tags: ['AI', 'Health', 'Startups'],
    ai: true,
  },
  // --- AI, before the window (a feed carries older items; none of these may be collected)
  {
    at: '12-08 21:40:00',
    url: 'https://techcrunch.com/2025/12/08/trump-says-nvidia-can-sell-h200-chips-to-approved-customers-in-china/',
    title: 'Trump says Nvidia can sell H200 chips to approved customers in China',
    summary: 'The president said the US government will take 25% of the sales; Blackwell and Rubin chips are not part of the arrangement.',
    by: 'Daniel Brandt',
    tags: ['AI', 'Hardware', 'Government & Policy', 'Nvidia'],
    ai: true,
    story: 'h200',
    edge: 'first report of a big story, 65 minutes before the window opens',
  },
  {
    at: '12-08 22:30:32',
    url: 'https://techcrunch.com/2025/12/08/softbank-and-nvidia-reportedly-in-talks-to-back-skild-ai-at-a-14b-valuation/',
    title: 'SoftBank and Nvidia reportedly in talks to back Skild AI at a $14B valuation',
    summary: 'The robotics-foundation-model startup would nearly triple its valuation in the round.',
    by: 'Tom Vasquez',
    tags: ['AI', 'Robotics', 'Fundraising'],
    ai: true,
    edge: '15 minutes before the window opens',
  },
  {
    at: '12-08 13:05:00',
    url: 'https://techcrunch.com/2025/12/08/ibm-to-buy-confluent-for-11b-to-feed-real-time-data-to-ai-agents/',
    title: 'IBM to buy Confluent for $11B to feed real-time data to AI agents',
    summary: 'IBM says Confluent’s Kafka-based streaming platform will give its watsonx agents live access to enterprise data.',
    by: 'Maya Okafor',
    tags: ['AI', 'Enterprise', 'M&A', 'IBM'],
    ai: true,
  },
  {
    at: '12-07 15:05:53',
    url: 'https://techcrunch.com/2025/12/07/openai-turns-off-chatgpt-app-suggestions-that-looked-like-ads/',
    title: 'OpenAI turns off ChatGPT app suggestions that looked like ads',
    summary: 'Users had complained that ChatGPT recommended retail apps in answers that had nothing to do with shopping.',
    by: 'Sam Whitaker',
    tags: ['AI', 'Apps', 'OpenAI', 'ChatGPT'],
    ai: true,
  },
  // --- not AI, in the window
  {
    at: '12-09 21:27:54',
    url: `${TC}spacex-is-reportedly-eyeing-a-2026-ipo-at-a-1-5t-valuation/`,
    title: 'SpaceX is reportedly eyeing a 2026 IPO at a $1.5T valuation',
    summary:
      'The listing would raise well over $30 billion and could come as early as mid-2026, according to people familiar with the plans; Starlink’s growth is the main draw for investors.',
    by: 'Ben Costa',
    tags: ['Space', 'Fundraising', 'SpaceX', 'IPO'],
    ai: false,
    story: 'spacex',
  },
  {
    at: '12-09 18:01:43',
    url: `${TC}ford-and-renault-will-build-cheaper-evs-together-in-europe/`,
    title: 'Ford and Renault will build cheaper EVs together in Europe',
    summary:
      'Ford will sell two small electric cars built on Renault’s Ampere platform from 2028 as both companies try to fend off Chinese rivals.',
    by: 'Ben Costa',
    tags: ['Transportation', 'Electric vehicles', 'Ford', 'Renault'],
    ai: false,
    story: 'ford-renault',
  },
  {
    at: '12-09 17:42:28',
    url: `${TC}nasa-and-usps-have-quietly-stopped-using-canoos-evs/`,
    title: 'NASA and USPS have quietly stopped using Canoo’s EVs',
    summary: 'Both agencies parked the bankrupt startup’s vans after the company could no longer supply parts or service.',
    by: 'Ben Costa',
    tags: ['Transportation', 'Electric vehicles', 'Canoo'],
    ai: false,
  },
  {
    at: '12-09 17:08:14',
    url: `${TC}fairphones-repairable-headphones-get-a-refresh/`,
    title: 'Fairphone’s repairable headphones get a refresh',
    summary: 'The new version keeps the replaceable battery and ear cushions and adds multipoint Bluetooth and better noise cancellation.',
    by: 'Priya Raman',
    tags: ['Hardware', 'Gadgets', 'Fairphone'],
    ai: false,
  },
  {
    at: '12-09 17:00:00',
    url: `${TC}facebooks-redesign-puts-friends-photos-and-marketplace-back-up-front/`,
    title: 'Facebook’s redesign puts friends, photos and Marketplace back up front',
    summary: 'The app gets a new navigation bar and a feed tab limited to friends’ posts.',
    by: 'Sam Whitaker',
    tags: ['Social', 'Apps', 'Meta', 'Facebook'],
    ai: false,
  },
  {
    at: '12-09 18:46:11',
    url: `${TC}truecaller-can-now-shield-a-whole-household-from-scam-calls/`,
    title: 'Truecaller can now shield a whole household from scam calls',
    summary:
      'One paying member can extend spam blocking and caller ID to up to five family members, including older relatives who are targeted most.',
    by: 'Priya Raman',
    tags: ['Apps', 'Security', 'Truecaller'],
    ai: false,
  },
  {
    at: '12-09 21:13:19',
    url: `${TC}b-capital-founding-partner-kabir-narang-leaves-to-start-a-new-investment-firm/`,
    title: 'B Capital founding partner Kabir Narang leaves to start a new investment firm',
    summary: 'Narang helped build the firm’s Asia practice and will raise a fund of his own next year.',
    by: 'Tom Vasquez',
    tags: ['Venture', 'B Capital'],
    ai: false,
  },
  {
    at: '12-09 16:16:41',
    url: `${TC}vsco-lays-off-24-people-as-its-consumer-app-struggles/`,
    title: 'VSCO lays off 24 people as its consumer app struggles',
    summary: 'The photo-editing company is refocusing on its paid tools for professional photographers.',
    by: 'Sam Whitaker',
    tags: ['Apps', 'Layoffs', 'VSCO'],
    ai: false,
  },
  {
    at: '12-09 14:45:00',
    url: `${TC}developers-walk-away-from-two-gulf-of-maine-offshore-wind-leases/`,
    title: 'Developers walk away from two Gulf of Maine offshore wind leases',
    summary:
      'The lease holders cited the federal freeze on new offshore wind permits and the cost of floating turbines, even as New England utilities warn that AI data centers and heat pumps will push winter demand to records.',
    by: 'Aisha Karimi',
    tags: ['Climate', 'Energy', 'Offshore wind'],
    ai: false,
    edge: 'not AI although “AI data centers” appears in passing',
  },
  {
    at: '12-09 14:00:00',
    url: `${TC}paramounts-hostile-bid-puts-netflixs-warner-bros-deal-in-play/`,
    title: 'Paramount’s hostile bid puts Netflix’s Warner Bros. deal in play',
    summary:
      'Paramount Skydance is offering Warner Bros. Discovery shareholders $30 a share in cash for the whole company, days after the studio agreed to sell its studios and HBO Max to Netflix.',
    by: 'Maya Okafor',
    tags: ['Media & Entertainment', 'M&A', 'Netflix', 'Paramount', 'Warner Bros. Discovery'],
    ai: false,
  },
  {
    at: '12-09 15:30:00',
    url: `${TC}pourtenders-299-countertop-bartender-mixes-40-drinks-from-pods/`,
    title: 'Pourtender’s $299 countertop bartender mixes 40 drinks from pods',
    summary:
      'The machine reads a barcode on each cocktail pod, adds your own spirit and shakes the drink with chilled water in about 30 seconds.',
    by: 'Priya Raman',
    tags: ['Gadgets', 'Gift guides', 'Food'],
    ai: false,
  },
  {
    at: '12-09 12:40:00',
    url: `${TC}arcadia-motors-recalls-18000-tern-suvs-over-a-rear-camera-glitch/`,
    title: 'Arcadia Motors recalls 18,000 Tern SUVs over a rear-camera glitch',
    summary:
      'A software fault can leave the backup camera screen blank for several seconds after the car is put into reverse; an over-the-air update is rolling out.',
    by: 'Ben Costa',
    tags: ['Transportation', 'Electric vehicles', 'Recalls'],
    ai: false,
  },
  {
    at: '12-09 03:20:00',
    url: `${TC}crypto-exchange-kestrel-halts-withdrawals-after-a-41m-hot-wallet-theft/`,
    title: 'Crypto exchange Kestrel halts withdrawals after a $41M hot-wallet theft',
    summary:
      'The exchange says attackers drained one hot wallet on its Solana and Ethereum networks and that customer balances will be covered from its reserves.',
    by: 'Lena Fischer',
    tags: ['Crypto', 'Security', 'Hacks'],
    ai: false,
    story: 'kestrel',
  },
  {
    at: '12-09 13:00:00',
    url: `${TC}the-40-year-old-tcp-setting-that-still-makes-your-video-calls-stutter/`,
    title: 'The 40-year-old TCP setting that still makes your video calls stutter',
    summary:
      'Nagle’s algorithm and delayed acknowledgements were designed for slow terminals; together they can add 200 milliseconds to small packets, which is why real-time apps switch them off.',
    body: 'We walk through what happens on the wire when a chat app sends a short message, why TCP_NODELAY exists, and why QUIC made the question moot for browsers.',
    by: 'Daniel Brandt',
    tags: ['Enterprise', 'Networking', 'Explainers'],
    ai: false,
  },
  {
    at: '12-09 02:10:00',
    url: `${TC}rocket-lab-launches-a-radar-imaging-satellite-on-its-20th-electron-mission-of-the-year/`,
    title: 'Rocket Lab launches a radar-imaging satellite on its 20th Electron mission of the year',
    summary: 'The launch from New Zealand put a synthetic-aperture radar satellite for a Japanese customer into a 575-kilometer orbit.',
    by: 'Aisha Karimi',
    tags: ['Space', 'Rocket Lab'],
    ai: false,
  },
  {
    at: '12-09 12:00:00',
    url: `${TC}oneplus-15-review-two-days-of-battery-finally/`,
    title: 'OnePlus 15 review: two days of battery, finally',
    summary:
      'A 7,300mAh silicon-carbon battery and a fast, flat display make this the phone to beat for endurance; the camera is good but no longer special.',
    body: 'The software is clean, though the AI features are the same Gemini tools every Android phone now has, and we did not use them much in two weeks of testing.',
    by: 'Priya Raman',
    tags: ['Hardware', 'Reviews', 'Smartphones', 'OnePlus'],
    ai: false,
    edge: 'phone review: not AI although it mentions Gemini features',
  },
  {
    at: '12-09 18:00:00',
    url: `${TC}google-photos-gets-a-proper-video-editor/`,
    title: 'Google Photos gets a proper video editor',
    summary:
      'The update adds a timeline, trimming by frame, text overlays and music sync; unlike the app’s AI-powered remix templates, these tools are all manual.',
    by: 'Sam Whitaker',
    tags: ['Apps', 'Google', 'Google Photos'],
    ai: false,
    edge: 'not AI although “AI-powered” appears in passing',
  },
  {
    at: '12-09 10:00:00',
    url: `${TC}last-chance-for-disrupt-2026-early-bird-passes/`,
    title: 'Last chance for Disrupt 2026 early-bird passes',
    summary: 'Prices go up at midnight Pacific time on Friday.',
    by: 'TechCrunch Events',
    tags: ['TechCrunch Disrupt 2026', 'Events'],
    ai: false,
  },
  {
    at: '12-09 15:45:00',
    url: `${TC}payroll-startup-tallyworks-raises-45m-series-b/`,
    title: 'Payroll startup Tallyworks raises $45M Series B',
    summary: 'Tallyworks runs payroll for companies with staff in several US states and now handles tax filings in 12 countries.',
    by: 'Tom Vasquez',
    tags: ['Fintech', 'Startups', 'Fundraising'],
    ai: false,
  },
  {
    at: '12-09 19:50:00',
    url: `${TC}geothermal-startup-deepstack-hits-200c-in-its-first-nevada-well/`,
    title: 'Geothermal startup Deepstack hits 200°C in its first Nevada well',
    summary: 'The company drilled to 3.2 kilometers with oil-and-gas rigs and plans a 20-megawatt pilot plant by 2027.',
    by: 'Aisha Karimi',
    tags: ['Climate', 'Energy', 'Geothermal', 'Startups'],
    ai: false,
  },
  {
    at: '12-09 20:30:00',
    url: `${TC}indie-roguelike-cinderwake-sells-a-million-copies-in-its-first-week/`,
    title: 'Indie roguelike Cinderwake sells a million copies in its first week',
    summary: 'The four-person studio behind it says it will add co-op play next year instead of starting a sequel.',
    by: 'Sam Whitaker',
    tags: ['Gaming', 'Indie games'],
    ai: false,
  },
  {
    at: '12-09 16:00:00',
    url: `${TC}bluesky-lets-you-save-drafts-and-schedule-posts/`,
    title: 'Bluesky lets you save drafts and schedule posts',
    summary: 'Two of the most requested features arrive in the app’s biggest update in months.',
    by: 'Sam Whitaker',
    tags: ['Social', 'Apps', 'Bluesky'],
    ai: false,
  },
  {
    at: '12-09 11:45:00',
    url: `${TC}a-misconfigured-storage-bucket-exposed-1-2-million-rideshare-receipts/`,
    title: 'A misconfigured storage bucket exposed 1.2 million rideshare receipts',
    summary:
      'The receipts from ride-hailing app Hopr included names, pick-up and drop-off addresses and partial card numbers; the company locked the bucket after being contacted.',
    by: 'Lena Fischer',
    tags: ['Security', 'Data breach'],
    ai: false,
  },
  {
    at: '12-09 13:30:00',
    url: `${TC}framework-raises-laptop-prices-as-memory-costs-climb/`,
    title: 'Framework raises laptop prices as memory costs climb',
    summary:
      'DRAM prices have nearly doubled since the summer as chipmakers shift production to memory for AI servers, and Framework is adding $50 to $100 to its configurations.',
    by: 'Priya Raman',
    tags: ['Hardware', 'Laptops', 'Framework'],
    ai: false,
    story: 'framework',
    edge: 'not AI although AI servers are the cause it gives',
  },
  {
    at: '12-09 11:00:00',
    url: `${TC}our-favorite-gadgets-for-home-cooks/`,
    title: 'Our favorite gadgets for home cooks',
    summary: 'From a precise pour-over kettle to an induction burner that fits in a drawer.',
    by: 'Priya Raman',
    tags: ['Gift guides', 'Gadgets', 'Food'],
    ai: false,
  },
  {
    at: '12-09 09:15:00',
    url: `${TC}ionna-opens-its-100th-rechargery-ev-charging-site/`,
    title: 'Ionna opens its 100th Rechargery EV charging site',
    summary: 'The carmaker-backed network says it has 1,400 fast chargers under construction.',
    by: 'Ben Costa',
    tags: ['Transportation', 'Electric vehicles', 'Charging'],
    ai: false,
  },
  // --- not AI, on the window's end (exclusive): recorded at 06:45 Taipei, out by one second's rule
  {
    at: '12-09 22:45:00',
    url: `${TC}the-best-gifts-for-cyclists-in-2025/`,
    title: 'The best gifts for cyclists in 2025',
    summary: 'Lights, locks and a repair stand that folds flat.',
    by: 'Ben Costa',
    tags: ['Gift guides', 'Gadgets'],
    ai: false,
    edge: 'dated exactly at the window’s end, which is exclusive: out',
  },
];

const VERGE: Omit<News, 'feed'>[] = [
  {
    at: '12-08 22:45:00',
    url: 'https://www.theverge.com/news/842611/nvidia-h200-china-sales-approved-us-government-cut',
    title: 'Nvidia gets the go-ahead to sell H200s in China, with Washington taking a cut',
    summary:
      'The administration will let Nvidia ship its previous-generation H200 accelerator to approved Chinese customers in exchange for a quarter of the revenue.',
    body: 'The decision reverses months of tightening export rules and drew immediate criticism from China hawks in Congress, who argue the chips will end up training military models.',
    by: 'Julia Hendricks',
    ai: true,
    story: 'h200',
    edge: 'dated exactly at the window’s start, which is inclusive: in',
  },
  {
    at: '12-09 18:02:11',
    url: 'https://www.theverge.com/news/842904/agentic-ai-foundation-mcp-agents-md-goose-linux-foundation',
    title: 'The companies building AI agents just agreed on who maintains the plumbing',
    summary:
      'Anthropic’s Model Context Protocol, OpenAI’s AGENTS.md and Block’s goose now belong to a neutral foundation run by the Linux Foundation.',
    body: 'For developers it means the connectors their agents use should stop changing with each vendor’s roadmap; for the companies it is a bet that shared standards grow the market faster than proprietary ones.',
    by: 'Marcus Lindqvist',
    ai: true,
    story: 'aaif',
    edge: 'AI story whose title never names the foundation or a protocol',
  },
  {
    at: '12-09 16:51:30',
    url: 'https://www.theverge.com/news/842760/google-ai-overviews-eu-antitrust-investigation-publishers',
    title: 'Google’s AI Overviews are now the subject of an EU antitrust investigation',
    summary:
      'Brussels wants to know whether publishers could realistically refuse to have their work summarized by Google’s AI without disappearing from search.',
    by: 'Julia Hendricks',
    ai: true,
    story: 'eu-google',
  },
  {
    at: '12-09 20:15:42',
    url: 'https://www.theverge.com/news/842955/openai-slack-ceo-denise-dresser-chief-revenue-officer',
    title: 'OpenAI hires Slack’s CEO to run its revenue',
    summary:
      'Denise Dresser’s move is the latest sign that OpenAI sees businesses, not consumers, as the way to pay for its compute commitments.',
    by: 'Marcus Lindqvist',
    ai: true,
    story: 'dresser',
  },
  {
    at: '12-09 20:30:00',
    url: 'https://www.theverge.com/news/842968/pew-teens-ai-chatbots-daily-use-survey',
    title: 'Teens are using AI chatbots every day, and parents are still catching up',
    summary: 'Pew’s new survey puts daily chatbot use among US teens at about three in ten, with ChatGPT far ahead of the rest.',
    by: 'Nadia Osei',
    ai: true,
    story: 'teens',
  },
  {
    at: '12-08 23:40:00',
    url: 'https://www.theverge.com/news/842650/google-android-xr-glasses-2026-display-audio',
    title: 'Google’s Android XR glasses are coming in 2026, in two flavors',
    summary:
      'One pair has a display for directions and translations; the other only has speakers and cameras and leans on Gemini for everything else.',
    by: 'Nadia Osei',
    ai: true,
    story: 'xr-glasses',
  },
  {
    at: '12-09 15:20:00',
    url: 'https://www.theverge.com/news/842731/mistral-devstral-2-coding-model-vibe-cli',
    title: 'Mistral’s new coding model comes with its own terminal agent',
    summary:
      'Devstral 2 is released with open weights, and a smaller version is meant to run on a single workstation; the Vibe CLI lets it edit and run code in a repository.',
    by: 'Marcus Lindqvist',
    ai: true,
    story: 'devstral',
  },
  {
    at: '12-09 13:00:00',
    url: 'https://www.theverge.com/ai-artificial-intelligence/842702/ai-slop-holiday-shopping-fake-product-listings',
    title: 'AI slop is coming for your holiday shopping',
    summary:
      'Marketplaces are filling up with product photos and reviews written by generators, and the platforms’ own detection tools are not keeping up.',
    by: 'Nadia Osei',
    ai: true,
  },
  {
    at: '12-09 17:35:00',
    url: 'https://www.theverge.com/news/842880/opera-neon-agentic-browser-available-everyone',
    title: 'Opera’s agentic browser Neon is now open to everyone',
    summary: 'The browser can fill in forms and compare products on its own; Opera drops the waitlist but keeps the monthly subscription.',
    by: 'Julia Hendricks',
    ai: true,
  },
  {
    at: '12-08 15:00:00',
    url: 'https://www.theverge.com/news/842540/android-show-xr-edition-glasses-headset-updates',
    title: 'Everything Google showed at its Android XR event',
    summary: 'Glasses prototypes, a lighter headset mode and new Gemini features for Galaxy XR owners.',
    by: 'Nadia Osei',
    ai: true,
    story: 'xr-glasses',
    edge: 'same story as an in-window cluster, but before the window',
  },
];

const VENTUREBEAT: Omit<News, 'feed'>[] = [
  {
    at: '12-09 17:45:00',
    url: 'https://venturebeat.com/ai/agentic-ai-foundation-launches-with-mcp-agents-md-and-goose-as-founding-projects',
    title: 'Agentic AI Foundation launches with MCP, AGENTS.md and goose as founding projects',
    summary:
      'Enterprise architects get what they asked for: a vendor-neutral home for the protocols their agents already depend on, with a technical steering committee drawn from several companies.',
    by: 'Rachel Monroe',
    tags: ['AI', 'Agents', 'Open source'],
    ai: true,
    story: 'aaif',
  },
  {
    at: '12-09 14:05:00',
    url: 'https://venturebeat.com/ai/mistrals-devstral-2-takes-aim-at-proprietary-coding-models-with-open-weights',
    title: 'Mistral’s Devstral 2 takes aim at proprietary coding models with open weights and a terminal agent',
    summary:
      'Mistral says the 123-billion-parameter model scores 72.2% on SWE-bench Verified, and a 24-billion-parameter small version runs locally.',
    by: 'Evan Kowalski',
    tags: ['AI', 'Coding', 'Open models', 'Mistral'],
    ai: true,
    story: 'devstral',
  },
  {
    at: '12-09 01:30:00',
    url: 'https://venturebeat.com/ai/openais-enterprise-report-reasoning-token-use-per-customer-is-up-320x',
    title: 'OpenAI’s enterprise report: reasoning-token use per customer is up 320x in a year',
    summary:
      'The report, based on usage data from more than a million business customers, says heavy users save more than ten hours a week, but that most companies still have not rebuilt workflows around the tools.',
    by: 'Rachel Monroe',
    tags: ['AI', 'Enterprise', 'OpenAI'],
    ai: true,
    story: 'openai-enterprise',
  },
  {
    at: '12-09 15:40:00',
    url: 'https://venturebeat.com/ai/accenture-and-anthropic-bet-30000-trained-consultants-can-end-pilot-purgatory',
    title: 'Accenture and Anthropic bet 30,000 trained consultants can end pilot purgatory',
    summary:
      'The new Accenture Anthropic Business Group will package Claude Code and Claude-based agents for financial services, life sciences and the public sector.',
    by: 'Evan Kowalski',
    tags: ['AI', 'Enterprise', 'Anthropic', 'Accenture'],
    ai: true,
    story: 'accenture',
  },
  {
    at: '12-09 16:10:00',
    url: 'https://venturebeat.com/ai/updated-agentwork-benchmark-best-ai-agent-finished-4-1-of-real-freelance-projects',
    title: 'Updated AgentWork benchmark: the best AI agent finished 4.1% of real freelance projects',
    summary:
      'Version 2 of the AgentWork paper (arXiv 2510.21473) adds six newer models and 80 more projects; none of the agents delivered work a client would accept more than one time in twenty.',
    by: 'Rachel Monroe',
    tags: ['AI', 'Agents', 'Research', 'Benchmarks'],
    ai: true,
    story: 'agentwork',
    paper: '2510.21473',
  },
  {
    at: '12-09 19:00:00',
    url: 'https://venturebeat.com/ai/why-your-rag-pipeline-needs-an-eval-harness-before-a-bigger-model',
    title: 'Why your RAG pipeline needs an eval harness before it needs a bigger model',
    summary:
      'Most retrieval failures we see come from chunking and stale indexes, not from the generator; a small labelled test set finds them in an afternoon.',
    by: 'Guest author',
    tags: ['AI', 'Data infrastructure', 'RAG'],
    ai: true,
  },
  {
    at: '12-09 12:20:00',
    url: 'https://venturebeat.com/ai/how-a-12-person-team-cut-inference-costs-60-with-speculative-decoding',
    title: 'How a 12-person team cut inference costs 60% with speculative decoding',
    summary:
      'A customer-support startup drafted tokens with a 1-billion-parameter model and verified them with its 70-billion one, doubling throughput on the same GPUs.',
    by: 'Evan Kowalski',
    tags: ['AI', 'Inference', 'Case study'],
    ai: true,
  },
  {
    at: '12-09 21:10:00',
    url: 'https://venturebeat.com/ai/the-enterprise-case-for-small-language-models-is-getting-stronger',
    title: 'The enterprise case for small language models is getting stronger',
    summary:
      'Fine-tuned models under ten billion parameters now match frontier models on narrow extraction and routing tasks at a fraction of the cost.',
    by: 'Rachel Monroe',
    tags: ['AI', 'Enterprise', 'Small models'],
    ai: true,
  },
  {
    at: '12-09 10:45:00',
    url: 'https://venturebeat.com/ai/gartner-most-agentic-ai-projects-will-be-scrapped-heres-how-to-avoid-being-one',
    title: 'Gartner expects many agentic AI projects to be scrapped; here is how to avoid being one',
    summary:
      'Analysts say the projects that survive start with one measurable process and put a human reviewer on every irreversible action.',
    by: 'Guest author',
    tags: ['AI', 'Agents', 'Enterprise'],
    ai: true,
  },
  {
    at: '12-04 16:00:00',
    url: 'https://venturebeat.com/ai/snowflake-and-anthropics-200m-deal-puts-claude-next-to-enterprise-data',
    title: 'Snowflake and Anthropic’s $200M deal puts Claude next to enterprise data',
    summary: 'Claude models become available inside Snowflake’s data cloud for its enterprise customers.',
    by: 'Evan Kowalski',
    tags: ['AI', 'Enterprise', 'Anthropic', 'Snowflake'],
    ai: true,
  },
];

const MITTR = 'https://www.technologyreview.com/2025/12/';

const MIT_TECH_REVIEW: Omit<News, 'feed'>[] = [
  {
    at: '12-09 21:15:00',
    url: `${MITTR}09/1129060/teens-ai-chatbots-daily-pew-what-the-data-says/`,
    title: 'Teens are talking to chatbots every day. Here’s what the new data does and doesn’t tell us',
    summary:
      'Pew’s numbers show how ordinary chatbot use has become for teenagers; they say little about the companionship apps that worry researchers most.',
    by: 'Hannah Whitcombe',
    tags: ['Artificial intelligence', 'Humans and technology'],
    ai: true,
    story: 'teens',
  },
  {
    at: '12-09 12:00:00',
    url: `${MITTR}09/1129041/ai-agents-still-cant-do-most-freelance-jobs-updated-benchmark/`,
    title: 'AI agents still can’t do most freelance jobs, an updated benchmark finds',
    summary:
      'The researchers behind AgentWork re-ran their test of 320 paid projects from design to data analysis with the newest agents. The best one completed 4.1% to a client’s standard, up from 2.6% in October.',
    by: 'Oliver Grant',
    tags: ['Artificial intelligence', 'Work'],
    ai: true,
    story: 'agentwork',
    paper: '2510.21473',
  },
  {
    at: '12-09 13:10:00',
    url: `${MITTR}09/1129029/the-download-a-peek-at-ais-future/`,
    title: 'The Download: a peek at AI’s future, and cheaper grid batteries',
    summary:
      'Today’s newsletter: what our reporters expect AI to look like in 2030, and why sodium-ion batteries are suddenly winning grid-storage contracts.',
    by: 'Rhiannon Williams',
    tags: ['The Download'],
    ai: true,
    edge: 'newsletter round-up of an AI and a non-AI topic',
  },
  {
    at: '12-09 15:30:00',
    url: `${MITTR}09/1129052/google-deepmind-uk-deal-automated-lab-gemini-classrooms/`,
    title: 'Google DeepMind’s UK deal puts an automated lab and Gemini in classrooms',
    summary:
      'The agreement gives British researchers access to DeepMind tools and commits the company to a robotic materials lab in the UK from 2026; critics ask what the government gives in return.',
    by: 'Oliver Grant',
    tags: ['Artificial intelligence', 'Policy'],
    ai: true,
    story: 'deepmind-uk',
  },
  {
    at: '12-09 10:00:00',
    url: `${MITTR}09/1128998/ai-weather-models-africa-forecasting/`,
    title: 'Inside the scramble to build AI weather models that work for Africa',
    summary:
      'Global AI forecasters are trained on data that is thin over Africa; national weather services and startups are fine-tuning them with local station records.',
    by: 'Hannah Whitcombe',
    tags: ['Artificial intelligence', 'Climate change'],
    ai: true,
  },
  {
    at: '12-08 16:30:00',
    url: `${MITTR}08/1128922/the-state-of-ai-a-vision-of-the-world-in-2030/`,
    title: 'The State of AI: what the world could look like in 2030',
    summary: 'Our columnists trade scenarios for the end of the decade.',
    by: 'Oliver Grant',
    tags: ['Artificial intelligence'],
    ai: true,
  },
  {
    at: '12-08 12:00:00',
    url: `${MITTR}08/1128969/2026-breakthroughs-list-leftovers/`,
    title: 'Four technologies that just missed our 2026 breakthroughs list',
    summary: 'The runners-up, and why they did not make the cut this year.',
    by: 'Rhiannon Williams',
    tags: ['Tech policy'],
    ai: false,
  },
];

const OPENAI: Omit<News, 'feed'>[] = [
  {
    at: '12-09 17:05:00',
    url: 'https://openai.com/index/agentic-ai-foundation/',
    title: 'OpenAI co-founds the Agentic AI Foundation and contributes AGENTS.md',
    summary:
      'We are joining Anthropic, Block and the Linux Foundation to give open agent standards a neutral home. AGENTS.md, the file format that tells coding agents how to work in a repository, becomes a founding project.',
    tags: ['Company'],
    ai: true,
    story: 'aaif',
  },
  {
    at: '12-08 23:00:00',
    url: 'https://openai.com/index/the-state-of-enterprise-ai-2025-report/',
    title: 'The state of enterprise AI in 2025',
    summary:
      'Our first report on how businesses use ChatGPT and the API: weekly Enterprise messages grew about eightfold in a year, and reasoning-token use per organization about 320-fold.',
    tags: ['Business'],
    ai: true,
    story: 'openai-enterprise',
  },
  {
    at: '12-09 19:00:00',
    url: 'https://openai.com/index/preparing-for-more-capable-cyber-models/',
    title: 'Preparing our defenses for more capable cyber models',
    summary:
      'As our models get better at finding and exploiting software vulnerabilities, we are adding classifier-based safeguards, a trusted-access program for defenders and funding for open-source security audits.',
    tags: ['Safety'],
    ai: true,
    edge: 'a primary-source announcement no outlet reports today: keep it',
  },
  {
    at: '12-03 23:10:00',
    url: 'https://openai.com/index/openai-to-acquire-neptune/',
    title: 'OpenAI is acquiring Neptune',
    summary: 'Neptune’s experiment-tracking tools will help our researchers monitor training runs.',
    tags: ['Company'],
    ai: true,
  },
];

const ANTHROPIC: Omit<News, 'feed'>[] = [
  {
    at: '11-24 00:00',
    url: 'https://www.anthropic.com/news/claude-opus-4-5',
    title: 'Claude Opus 4.5 is here',
    summary: 'Claude Opus 4.5 is here',
    ai: true,
  },
  {
    at: '12-02 00:00',
    url: 'https://www.anthropic.com/news/claude-for-nonprofits',
    title: 'Claude for nonprofit organizations',
    summary: 'Claude for nonprofit organizations',
    ai: true,
  },
  {
    at: '12-03 00:00',
    url: 'https://www.anthropic.com/news/anthropic-acquires-bun-as-claude-code-reaches-usd1b-milestone',
    title: 'We are acquiring Bun as Claude Code passes $1B in run-rate revenue',
    summary: 'We are acquiring Bun as Claude Code passes $1B in run-rate revenue',
    ai: true,
  },
  {
    at: '12-03 00:00',
    url: 'https://www.anthropic.com/news/snowflake-anthropic-expanded-partnership',
    title: 'An expanded $200 million partnership with Snowflake',
    summary: 'An expanded $200 million partnership with Snowflake',
    ai: true,
  },
  {
    at: '12-09 00:00',
    url: 'https://www.anthropic.com/news/anthropic-accenture-partnership',
    title: 'A multi-year partnership with Accenture to take enterprises from AI pilots to production',
    summary: 'A multi-year partnership with Accenture to take enterprises from AI pilots to production',
    ai: true,
    story: 'accenture',
    edge: 'scraper dates at midnight UTC: the post counts as 00:00 on the 9th',
  },
  {
    at: '12-09 00:00',
    url: 'https://www.anthropic.com/news/donating-the-model-context-protocol-and-establishing-of-the-agentic-ai-foundation',
    title: 'Giving the Model Context Protocol to a new Agentic AI Foundation',
    summary: 'Giving the Model Context Protocol to a new Agentic AI Foundation',
    ai: true,
    story: 'aaif',
  },
];

const DEEPMIND: Omit<News, 'feed'>[] = [
  {
    at: '12-09 10:00:00',
    url: 'https://deepmind.google/blog/deepening-our-partnership-with-the-uk-government/',
    title: 'Deepening our partnership with the UK government on science, education and security',
    summary:
      'We will open our first automated materials-science laboratory in the UK in 2026, give British scientists priority access to our AI research tools, and work with the AI Security Institute on model evaluations.',
    ai: true,
    story: 'deepmind-uk',
  },
  {
    at: '12-09 16:00:00',
    url: 'https://deepmind.google/blog/the-facts-benchmark-suite-measuring-factuality-across-grounding-search-and-images/',
    title: 'The FACTS benchmark suite: measuring factuality across grounding, search and images',
    summary:
      'With Kaggle we are extending FACTS Grounding into a suite of four leaderboards that test whether a model’s answers stay true to documents, to search results, to images and to its own knowledge.',
    ai: true,
    edge: 'a primary-source announcement no outlet reports today (Hacker News links it, and that copy is dropped as a duplicate URL)',
  },
  {
    at: '12-04 16:00:00',
    url: 'https://deepmind.google/blog/gemini-3-deep-think-in-the-gemini-app/',
    title: 'Gemini 3 Deep Think comes to the Gemini app',
    summary: 'Our enhanced reasoning mode is rolling out to Google AI Ultra subscribers.',
    ai: true,
  },
  {
    at: '11-18 16:00:00',
    url: 'https://deepmind.google/blog/gemini-3/',
    title: 'Gemini 3: our most intelligent model',
    summary: 'A new generation of Gemini, with state-of-the-art reasoning and multimodal understanding.',
    ai: true,
  },
];

const NATURE = 'https://www.nature.com/articles/s42256-025-';

const NATURE_MI: Omit<News, 'feed'>[] = [
  {
    at: '12-09 00:00',
    url: `${NATURE}01152-3`,
    title: 'A foundation model for predicting single-cell responses to genetic perturbations',
    summary:
      'A transformer pretrained on 40 million single-cell profiles predicts expression changes after unseen gene knockouts and ranks candidate drug targets better than task-specific models.',
    by: 'Ines Albrecht, Kofi Mensah, Yuki Tanabe',
    ai: true,
  },
  {
    at: '12-09 00:00',
    url: `${NATURE}01149-y`,
    title: 'Learning legged locomotion from internet video without action labels',
    summary:
      'Inferring latent actions from unlabelled videos of animals and people gives quadruped robots a prior that halves the simulation time needed to learn robust gaits.',
    by: 'Mateo Ruiz, Sofia Lindgren, Arjun Mehta',
    ai: true,
  },
  {
    at: '12-09 00:00',
    url: `${NATURE}01147-0`,
    title: 'Energy-efficient transformer inference on analogue in-memory computing chips',
    summary:
      'Mapping attention and feed-forward weights onto phase-change memory arrays runs a 300-million-parameter language model at one tenth of a GPU’s energy with a small loss in accuracy.',
    by: 'Laura Benedetti, Hyun-woo Park, Tomasz Nowak',
    ai: true,
  },
  {
    at: '12-05 00:00',
    url: `${NATURE}01141-6`,
    title: 'Evaluating language-model agents on wet-lab protocols',
    summary: 'A benchmark of 1,200 laboratory protocols shows that agents plan steps well but miss safety-critical details.',
    by: 'Chloe Martin, David Osei',
    ai: true,
  },
  {
    at: '12-03 00:00',
    url: `${NATURE}01138-1`,
    title: 'Federated learning across hospitals for rare-disease detection',
    summary: 'Training across 23 hospitals without sharing images matches a model trained on pooled data.',
    by: 'Elena Rossi, Samuel Adeyemi',
    ai: true,
  },
];

// 量子位 writes Simplified Chinese (the digest converts it); iThome writes Traditional Chinese for Taiwan.
const QBITAI: Omit<News, 'feed'>[] = [
  {
    at: '12-09 22:20:00',
    url: 'https://www.qbitai.com/2025/12/359874.html',
    title: 'MCP捐了！Anthropic联手OpenAI、Block成立智能体AI基金会',
    summary:
      'Anthropic把模型上下文协议MCP捐给Linux基金会旗下新成立的Agentic AI Foundation，OpenAI贡献AGENTS.md，Block贡献开源智能体goose，谷歌、微软、AWS也已加入。',
    by: '梦晨',
    tags: ['资讯', '智能体', 'MCP'],
    ai: true,
    story: 'aaif',
  },
  {
    at: '12-09 00:15:00',
    url: 'https://www.qbitai.com/2025/12/359702.html',
    title: '英伟达H200获准对华出口，美国政府抽成25%',
    summary:
      '美方宣布允许英伟达向经批准的中国客户出售H200芯片，并从销售额中抽取25%；Blackwell与Rubin系列不在此列，国内云厂商态度仍待观察。',
    by: '克雷西',
    tags: ['资讯', '芯片', '英伟达'],
    ai: true,
    story: 'h200',
  },
  {
    at: '12-09 16:30:00',
    url: 'https://www.qbitai.com/2025/12/359811.html',
    title: 'Mistral开源Devstral 2：1230亿参数，SWE-bench Verified拿下72.2%',
    summary: 'Mistral发布编程模型Devstral 2及可在单机运行的240亿参数小版本，同时推出命令行编程智能体Vibe CLI。',
    by: '西风',
    tags: ['资讯', '大模型', '编程'],
    ai: true,
    story: 'devstral',
  },
  {
    at: '12-09 13:00:00',
    url: 'https://www.qbitai.com/2025/12/359766.html',
    title: '谷歌DeepMind将在英国建全自动材料实验室，明年投入使用',
    summary: 'DeepMind与英国政府深化合作：建设由机器人和Gemini驱动的材料实验室，英国科研人员可优先使用其AI科研工具。',
    by: '一水',
    tags: ['资讯', 'DeepMind', 'AI for Science'],
    ai: true,
    story: 'deepmind-uk',
  },
  {
    at: '12-09 08:00:00',
    url: 'https://www.qbitai.com/2025/12/359731.html',
    title: '实时可交互世界模型StreamWorld：单卡每秒24帧，键盘就能操控',
    summary:
      '新论文StreamWorld（arXiv 2512.07112）用因果视频扩散和滚动KV缓存生成可交互视频世界，在单张GPU上以每秒24帧响应键盘和鼠标输入，代码与权重已开源。',
    by: '鱼羊',
    tags: ['学术', '世界模型', '视频生成'],
    ai: true,
    story: 'streamworld',
    paper: '2512.07112',
  },
  {
    at: '12-09 03:00:00',
    url: 'https://www.qbitai.com/2025/12/359715.html',
    title: '智谱开源GLM-4.6V多模态模型，原生支持工具调用',
    summary: '新模型可以直接把图像和截图作为工具调用的输入和输出，面向文档理解和GUI智能体场景，提供106B和9B两个版本。',
    by: '明敏',
    tags: ['资讯', '多模态', '开源'],
    ai: true,
  },
  {
    at: '12-09 06:40:00',
    url: 'https://www.qbitai.com/2025/12/359722.html',
    title: '具身智能初创「灵巧纪元」完成数亿元A轮融资',
    summary: '公司研发双臂通用机器人和视觉-语言-动作模型，本轮资金将用于数据采集工厂和量产。',
    by: '衡宇',
    tags: ['资讯', '具身智能', '融资'],
    ai: true,
  },
  {
    at: '12-08 02:00:00',
    url: 'https://www.qbitai.com/2025/12/359588.html',
    title: '大模型周报：本周开源模型一览',
    summary: '汇总过去一周发布的开源大模型与数据集。',
    by: '量子位',
    tags: ['周报'],
    ai: true,
  },
];

const ITHOME = 'https://www.ithome.com.tw/news/';

const ITHOME_TW: Omit<News, 'feed'>[] = [
  // --- AI
  {
    at: '12-09 20:10:00',
    url: `${ITHOME}172981`,
    title: 'Anthropic將MCP捐給Linux基金會，與OpenAI、Block共組代理式AI基金會',
    summary:
      '新成立的Agentic AI Foundation接管MCP、AGENTS.md與goose三個專案，Google、微軟與AWS也加入成為會員，企業串接AI代理的標準將改由中立組織治理。',
    ai: true,
    story: 'aaif',
  },
  {
    at: '12-09 01:20:00',
    url: `${ITHOME}172902`,
    title: '美國放行輝達H200晶片銷往中國，聯邦政府抽成25%',
    summary: '川普宣布允許輝達將H200出售給經核准的中國客戶，政府抽取四分之一營收，最新的Blackwell與Rubin不在開放之列。',
    ai: true,
    story: 'h200',
  },
  {
    at: '12-09 21:50:00',
    url: `${ITHOME}172990`,
    title: '歐盟對Google展開反壟斷調查，檢視AI Overviews如何使用出版商內容',
    summary: '歐盟執委會將調查Google是否在未給予合理報酬或退出機制的情況下，使用新聞網站與YouTube內容訓練及生成AI摘要。',
    ai: true,
    story: 'eu-google',
  },
  {
    at: '12-09 22:05:00',
    url: `${ITHOME}172993`,
    title: 'Slack執行長Denise Dresser轉戰OpenAI出任營收長',
    summary: 'Dresser將負責OpenAI的企業銷售與客戶成功團隊，反映OpenAI加速拓展企業市場。',
    ai: true,
    story: 'dresser',
  },
  {
    at: '12-09 03:40:00',
    url: `${ITHOME}172911`,
    title: 'OpenAI企業AI報告：推理token用量一年成長320倍',
    summary: 'OpenAI首度發布企業使用報告，ChatGPT Enterprise每週訊息量成長約8倍，重度使用者每週可省下超過10小時。',
    ai: true,
    story: 'openai-enterprise',
  },
  {
    at: '12-09 14:20:00',
    url: `${ITHOME}172955`,
    title: '埃森哲與Anthropic擴大合作，3萬名員工將接受Claude培訓',
    summary: '雙方成立專責業務團隊，鎖定金融、醫療與公部門，協助企業把AI代理從概念驗證推進到正式上線。',
    ai: true,
    story: 'accenture',
  },
  {
    at: '12-09 02:30:00',
    url: `${ITHOME}172906`,
    title: 'Google確認明年推出兩款Android XR智慧眼鏡',
    summary: 'Google與三星、Warby Parker和Gentle Monster合作，一款在鏡片內建小型顯示器，另一款只有喇叭與鏡頭，兩者都以Gemini為核心。',
    ai: true,
    story: 'xr-glasses',
  },
  {
    at: '12-09 04:30:00',
    url: `${ITHOME}172915`,
    title: '中華電信推出企業版生成式AI平臺，主打資料不出境',
    summary: '平臺部署在中華電信國內機房，提供繁體中文模型與RAG工具，首波鎖定金融與醫療客戶。',
    ai: true,
  },
  {
    at: '12-09 05:10:00',
    url: `${ITHOME}172918`,
    title: '金管會發布金融業運用AI指引修正草案，要求高風險應用須有人工覆核',
    summary: '草案將信用評分、核保與洗錢防制列為高風險AI應用，金融機構須建立模型清冊並定期檢測偏差。',
    ai: true,
  },
  {
    at: '12-09 06:00:00',
    url: `${ITHOME}172921`,
    title: '臺大醫院導入生成式AI摘要病歷，醫師每日平均省下40分鐘',
    summary: '系統從門診與住院紀錄自動產生摘要初稿，由醫師確認後寫入病歷，試辦科別將從5個擴大到20個。',
    ai: true,
  },
  {
    at: '12-09 07:20:00',
    url: `${ITHOME}172926`,
    title: 'TAIDE釋出新版繁中模型，強化臺灣在地知識與法規問答',
    summary: '國科會支持的TAIDE計畫以更多政府公開資料與教材繼續訓練，並開放企業在地端部署。',
    ai: true,
  },
  {
    at: '12-09 08:30:00',
    url: `${ITHOME}172930`,
    title: '調查：臺灣企業導入AI代理比例一年增加三倍，資安與治理仍是最大顧慮',
    summary: '受訪的500家企業中有18%已在正式環境使用AI代理，去年僅6%，但多數尚未建立存取權限控管。',
    ai: true,
  },
  {
    at: '12-09 09:40:00',
    url: `${ITHOME}172934`,
    title: 'AWS在臺生成式AI創新中心啟動第二期，協助50家企業打造代理應用',
    summary: '第二期計畫提供架構師與額度，協助製造與零售業者把客服與供應鏈流程交給AI代理處理。',
    ai: true,
  },
  {
    at: '12-09 10:50:00',
    url: `${ITHOME}172938`,
    title: '微軟Copilot Studio正式支援MCP伺服器，串接企業內部系統',
    summary: '企業可以把既有的MCP伺服器直接接到Copilot代理，並用Entra ID控管每個工具的存取權限。',
    ai: true,
  },
  // --- not AI
  {
    at: '12-09 21:40:00',
    url: `${ITHOME}172988`,
    title: '微軟12月例行更新修補57個漏洞，含1個已遭利用的零時差漏洞',
    summary: '遭利用的漏洞位於Windows雲端檔案迷你篩選器驅動程式，可讓攻擊者取得SYSTEM權限，建議儘速安裝更新。',
    ai: false,
  },
  {
    at: '12-09 02:50:00',
    url: `${ITHOME}172908`,
    title: 'Fortinet修補FortiWeb高風險漏洞，呼籲用戶儘速更新',
    summary: '漏洞可讓未經身分驗證的攻擊者執行系統指令，已有概念驗證程式流傳。',
    ai: false,
  },
  {
    at: '12-09 03:10:00',
    url: `${ITHOME}172910`,
    title: 'Chrome 143穩定版修補13個安全漏洞',
    summary: '其中2個高風險漏洞位於V8引擎，Google已向回報者支付獎金。',
    ai: false,
  },
  {
    at: '12-09 04:00:00',
    url: `${ITHOME}172913`,
    title: '台積電2奈米新竹寶山廠良率傳達標，明年產能再擴增',
    summary: '供應鏈消息指出，2奈米月產能明年底可望倍增，蘋果與聯發科為首批客戶。',
    ai: false,
    edge: '半導體產能: IT news, not AI',
  },
  {
    at: '12-09 05:30:00',
    url: `${ITHOME}172919`,
    title: '南亞科：DRAM合約價第一季續漲，缺貨可能延續到2026年底',
    summary: '記憶體原廠把產能轉向AI伺服器用的高頻寬記憶體，標準型DRAM供給吃緊，PC與手機業者面臨成本壓力。',
    ai: false,
    edge: 'not AI although AI servers are the cause it gives',
  },
  {
    at: '12-09 06:30:00',
    url: `${ITHOME}172923`,
    title: '三大電信調整5G吃到飽資費，最低月租降至599元',
    summary: '中華電信、台灣大與遠傳同步推出年底促銷，綁約30個月可享不限速上網。',
    ai: false,
  },
  {
    at: '12-09 07:00:00',
    url: `${ITHOME}172925`,
    title: '三星Galaxy S26系列傳明年2月發表，臺灣售價曝光',
    summary: '新機預計改用自家Exynos 2600處理器，標準版起價與前代相同。',
    ai: false,
  },
  {
    at: '12-09 07:50:00',
    url: `${ITHOME}172928`,
    title: 'iOS 26.2正式釋出，鎖定畫面可自訂時鐘大小',
    summary: '更新也修補了WebKit的多個漏洞，並新增Apple Music歌詞翻譯。',
    ai: false,
  },
  {
    at: '12-09 22:30:00',
    url: `${ITHOME}172995`,
    title: 'SpaceX傳2026年IPO，估值上看1.5兆美元',
    summary: '外媒報導SpaceX計畫最快明年中掛牌，募資規模可能超過300億美元，星鏈業務是估值關鍵。',
    ai: false,
    story: 'spacex',
  },
  {
    at: '12-09 19:20:00',
    url: `${ITHOME}172978`,
    title: '福特與雷諾合作，2028年在歐洲推出平價電動車',
    summary: '福特將採用雷諾Ampere平臺推出兩款小型電動車，雙方希望以規模對抗中國車廠。',
    ai: false,
    story: 'ford-renault',
  },
  {
    at: '12-09 08:10:00',
    url: `${ITHOME}172929`,
    title: '數位部要求政府機關年底前完成大陸廠牌資通訊產品盤點',
    summary: '盤點範圍包含網路攝影機、無人機與物聯網設備，未完成汰換者須提報風險評估。',
    ai: false,
  },
  {
    at: '12-09 09:00:00',
    url: `${ITHOME}172932`,
    title: 'React伺服器元件漏洞遭大規模利用，國內已有企業網站受害',
    summary: '資安業者觀察到攻擊者利用React Server Components反序列化漏洞植入挖礦程式，Next.js用戶應升級至修補版本。',
    ai: false,
  },
  {
    at: '12-09 10:10:00',
    url: `${ITHOME}172936`,
    title: 'Linux 6.18成為今年的長期支援核心',
    summary: '新核心加入Rust撰寫的驅動程式與更快的檔案系統快取，將維護至少兩年。',
    ai: false,
  },
  {
    at: '12-09 11:30:00',
    url: `${ITHOME}172940`,
    title: '悠遊卡公司推出數位悠遊卡，iPhone用戶年底前可綁定',
    summary: '數位卡可在捷運閘門感應，並支援App內即時加值。',
    ai: false,
  },
  {
    at: '12-09 12:40:00',
    url: `${ITHOME}172944`,
    title: '健保快易通App新增跨院檢驗報告查詢',
    summary: '民眾可查詢近一年在不同醫院的檢驗數據，並授權家人代為查看。',
    ai: false,
  },
  {
    at: '12-09 13:20:00',
    url: `${ITHOME}172948`,
    title: '鴻海11月營收年增12%，創同期新高',
    summary: '雲端網路產品與電腦終端產品營收成長，消費電子則較去年同期減少。',
    ai: false,
  },
  {
    at: '12-09 15:10:00',
    url: `${ITHOME}172958`,
    title: '台灣大完成與台灣之星合併後首次核心網路整合',
    summary: '整合後基地臺數增加三成，原台灣之星用戶將在明年第一季前完成移轉。',
    ai: false,
  },
  {
    at: '12-09 16:00:00',
    url: `${ITHOME}172961`,
    title: 'Windows 11 12月更新預覽版加入全新開始功能表',
    summary: '新版開始功能表可依分類顯示應用程式，並可隱藏推薦區塊。',
    ai: false,
  },
  {
    at: '12-09 17:00:00',
    url: `${ITHOME}172966`,
    title: '資安院：上半年政府機關遭勒索軟體攻擊事件較去年增加四成',
    summary: '多數事件源自未修補的VPN設備與外洩的帳號密碼，資安院呼籲全面啟用多因素驗證。',
    ai: false,
  },
  {
    at: '12-09 18:10:00',
    url: `${ITHOME}172972`,
    title: '日月光投控高雄楠梓新廠動土，強化先進封裝產能',
    summary: '新廠預計2027年完工，主要生產覆晶與扇出型封裝。',
    ai: false,
    edge: '半導體產能: IT news, not AI',
  },
  {
    at: '12-09 18:50:00',
    url: `${ITHOME}172975`,
    title: 'Let’s Encrypt將憑證效期縮短為45天',
    summary: '新效期將分階段實施，網站管理者應確認自動更新機制正常運作。',
    ai: false,
  },
  {
    at: '12-09 11:00:00',
    url: `${ITHOME}172939`,
    title: '國道ETC門架系統更新，明年起支援車牌辨識補扣款',
    summary: '遠通電收表示，新系統可減少漏扣與重複扣款，用戶可透過App查詢通行紀錄。',
    ai: false,
  },
  {
    at: '12-09 14:00:00',
    url: `${ITHOME}172952`,
    title: 'GitHub調整Actions自架執行器計費方式，開發者社群反彈',
    summary: 'GitHub原訂從明年起對自架執行器按分鐘收費，社群反彈後表示將重新評估。',
    ai: false,
  },
  // --- before the window
  {
    at: '12-08 09:00:00',
    url: `${ITHOME}172871`,
    title: '一週資安新聞：多國警告針對網通設備的攻擊',
    summary: '本週重大資安事件整理。',
    ai: false,
  },
  {
    at: '12-07 03:00:00',
    url: `${ITHOME}172840`,
    title: 'AI趨勢週報：企業導入生成式AI的三個新做法',
    summary: '本週生成式AI重要新聞整理。',
    ai: true,
  },
];

const HN_ITEM = 'https://news.ycombinator.com/item?id=';

const HACKER_NEWS: Omit<News, 'feed'>[] = [
  // --- AI
  {
    at: '12-09 18:10:00',
    url: 'https://www.linuxfoundation.org/press/linux-foundation-announces-the-formation-of-the-agentic-ai-foundation',
    title: 'Linux Foundation announces the Agentic AI Foundation',
    summary: '',
    ai: true,
    story: 'aaif',
    hn: { id: 46205512, points: 611, comments: 287, by: 'tosh' },
  },
  {
    at: '12-08 23:05:00',
    url: 'https://www.reuters.com/world/china/trump-says-us-will-allow-nvidia-h200-chip-sales-china-2025-12-08/',
    title: 'Trump says US will allow Nvidia H200 chip sales to China',
    summary: '',
    ai: true,
    story: 'h200',
    hn: { id: 46196830, points: 402, comments: 515, by: 'mfiguiere' },
  },
  {
    at: '12-09 15:02:00',
    url: 'https://mistral.ai/news/devstral-2-vibe-cli',
    title: 'Devstral 2 and Mistral Vibe CLI',
    summary: '',
    ai: true,
    story: 'devstral',
    hn: { id: 46203317, points: 734, comments: 341, by: 'pember' },
  },
  {
    at: '12-09 09:20:00',
    url: 'https://arxiv.org/abs/2512.06581',
    title: 'Language models miscount characters because of how tokenizers split words',
    summary: '',
    ai: true,
    paper: '2512.06581',
    hn: { id: 46199904, points: 188, comments: 96, by: 'luu' },
    edge: 'links an arXiv paper of the day: same URL as the arXiv item, so this copy is dropped',
  },
  {
    at: '12-09 17:40:00',
    url: 'https://deepmind.google/blog/the-facts-benchmark-suite-measuring-factuality-across-grounding-search-and-images/',
    title: 'The FACTS benchmark suite',
    summary: '',
    ai: true,
    hn: { id: 46205110, points: 142, comments: 58, by: 'gmays' },
    edge: 'same URL as the DeepMind post: this copy is dropped, and with it the Hacker News signal',
  },
  {
    at: '12-09 14:30:00',
    url: `${HN_ITEM}46202861`,
    title: 'Ask HN: How do you evaluate LLM agents in production?',
    summary: '',
    ai: true,
    hn: {
      id: 46202861,
      points: 233,
      comments: 164,
      by: 'throwaway_evals',
      text: 'We run a support agent with tool access. Offline evals look fine, but we keep finding failures only users hit. What do you measure, and how often do you re-run it?',
    },
  },
  {
    at: '12-09 12:15:00',
    url: 'https://github.com/mirelo-dev/inboxlens',
    title: 'Show HN: InboxLens – local-first semantic search over your email',
    summary: '',
    ai: true,
    hn: {
      id: 46201240,
      points: 156,
      comments: 71,
      by: 'mirelo',
      text: 'InboxLens indexes a Maildir with a small embedding model on your own GPU and answers questions with citations. Nothing leaves the machine.',
    },
  },
  {
    at: '12-09 07:45:00',
    url: 'https://www.jameshollis.dev/posts/six-months-running-a-70b-model-on-a-mac-studio',
    title: 'Six months running a 70B model on a Mac Studio',
    summary: '',
    ai: true,
    hn: { id: 46199120, points: 301, comments: 190, by: 'jhollis' },
  },
  {
    at: '12-09 19:30:00',
    url: 'https://github.com/ggml-org/llama.cpp/discussions/17412',
    title: 'llama.cpp now runs speculative decoding with any draft model',
    summary: '',
    ai: true,
    hn: { id: 46206034, points: 257, comments: 62, by: 'ggerganov_fan' },
  },
  // --- not AI
  {
    at: '12-09 21:40:00',
    url: `${TC}spacex-is-reportedly-eyeing-a-2026-ipo-at-a-1-5t-valuation/`,
    link: `${TC}spacex-is-reportedly-eyeing-a-2026-ipo-at-a-1-5t-valuation/?utm_source=hackernews&utm_medium=social`,
    title: 'SpaceX is reportedly eyeing a 2026 IPO at a $1.5T valuation',
    summary: '',
    ai: false,
    story: 'spacex',
    hn: { id: 46207001, points: 322, comments: 455, by: 'rbanffy' },
    edge: 'a TechCrunch link with utm parameters: canonical form is the TechCrunch item, so this copy is dropped',
  },
  {
    at: '12-09 05:30:00',
    url: 'https://www.coindesk.com/business/2025/12/09/kestrel-exchange-halts-withdrawals-after-hot-wallet-exploit',
    title: 'Kestrel exchange halts withdrawals after hot-wallet exploit',
    summary: '',
    ai: false,
    story: 'kestrel',
    hn: { id: 46198455, points: 97, comments: 88, by: 'danso' },
  },
  {
    at: '12-09 14:10:00',
    url: 'https://frame.work/blog/memory-prices-and-our-pricing',
    title: 'Memory prices and our pricing',
    summary: '',
    ai: false,
    story: 'framework',
    hn: { id: 46202644, points: 466, comments: 402, by: 'Philpax' },
  },
  {
    at: '12-09 11:05:00',
    url: 'https://lwn.net/Articles/1047521/',
    title: 'Rust in the kernel is no longer experimental',
    summary: '',
    ai: false,
    hn: { id: 46200507, points: 689, comments: 512, by: 'chmaynard' },
  },
  {
    at: '12-09 08:35:00',
    url: 'https://github.com/tinyboot/forth512',
    title: 'Show HN: A Forth that fits in a 512-byte boot sector',
    summary: '',
    ai: false,
    hn: {
      id: 46199530,
      points: 412,
      comments: 103,
      by: 'tinyboot',
      text: 'It has a REPL, colon definitions and a disk loader. Assembled with NASM; runs in QEMU or on old hardware.',
    },
  },
  {
    at: '12-09 10:20:00',
    url: 'https://www.brightgrove.io/blog/cutting-our-aws-bill-by-70-percent',
    title: 'How we cut our AWS bill by 70% by leaving Kubernetes',
    summary: '',
    ai: false,
    hn: { id: 46200103, points: 377, comments: 298, by: 'sebg' },
  },
  {
    at: '12-09 04:10:00',
    url: 'https://www.unicodewiki.org/essays/u-fffd-a-history',
    title: 'A history of U+FFFD, the replacement character',
    summary: '',
    ai: false,
    hn: { id: 46197920, points: 211, comments: 54, by: 'ingve' },
  },
  {
    at: '12-09 06:50:00',
    url: 'https://www.railwonks.eu/why-dutch-trains-run-on-time',
    title: 'Why Dutch trains run on time',
    summary: '',
    ai: false,
    hn: { id: 46198760, points: 298, comments: 247, by: 'Tomte' },
  },
  {
    at: '12-09 13:25:00',
    url: 'https://www.computerhistory.org/stories/an-oral-history-of-the-palmpilot/',
    title: 'An oral history of the PalmPilot',
    summary: '',
    ai: false,
    hn: { id: 46201980, points: 184, comments: 92, by: 'walterbell' },
  },
  {
    at: '12-09 16:20:00',
    url: 'https://www.pgtips.dev/posts/postgres-asynchronous-io-notes',
    title: 'Notes on PostgreSQL’s asynchronous I/O',
    summary: '',
    ai: false,
    hn: { id: 46204330, points: 165, comments: 37, by: 'pgtips' },
  },
  {
    at: '12-09 03:00:00',
    url: 'https://btree.guide/',
    title: 'A visual guide to B-trees',
    summary: '',
    ai: false,
    hn: { id: 46197402, points: 520, comments: 66, by: 'bschne' },
  },
  {
    at: '12-09 15:45:00',
    url: 'https://www.coffeephysics.org/espresso-extraction',
    title: 'The physics of espresso extraction',
    summary: '',
    ai: false,
    hn: { id: 46203830, points: 143, comments: 121, by: 'bookofjoe' },
  },
  {
    at: '12-09 20:05:00',
    url: 'https://www.sqlite.org/jsonb.html',
    title: 'The SQLite JSONB format',
    summary: '',
    ai: false,
    hn: { id: 46206402, points: 129, comments: 44, by: 'thunderbong' },
  },
  {
    at: '12-09 01:40:00',
    url: 'https://www.carbonbrief.org/analysis-the-1-5c-carbon-budget-is-now-exhausted/',
    title: 'Analysis: the 1.5°C carbon budget is now exhausted',
    summary: '',
    ai: false,
    hn: { id: 46196990, points: 251, comments: 339, by: 'mooreds' },
  },
  {
    at: '12-09 18:55:00',
    url: 'https://zigterm.dev/blog/fast-terminal-in-zig',
    title: 'Building a fast terminal emulator in Zig',
    summary: '',
    ai: false,
    hn: { id: 46205790, points: 218, comments: 87, by: 'kristoff_it' },
  },
  {
    at: '12-09 12:50:00',
    url: 'https://www.chiptune.engineering/game-boy-apu-in-400-lines',
    title: 'The Game Boy’s sound chip, emulated in 400 lines',
    summary: '',
    ai: false,
    hn: { id: 46201612, points: 190, comments: 41, by: 'ibobev' },
  },
  {
    at: '12-09 02:25:00',
    url: 'https://www.homelabnotes.net/replacing-my-router-with-a-40-dollar-mini-pc',
    title: 'I replaced my home router with a $40 mini PC',
    summary: '',
    ai: false,
    hn: { id: 46197150, points: 276, comments: 230, by: 'jandeboevrie' },
  },
  {
    at: '12-08 22:45:00',
    url: `${HN_ITEM}46196500`,
    title: 'Show HN: manhtml – read man pages as linked HTML in your terminal browser',
    summary: '',
    ai: false,
    hn: {
      id: 46196500,
      points: 88,
      comments: 29,
      by: 'oskar_d',
      text: 'A small Go tool that renders man pages with cross-links between SEE ALSO entries.',
    },
    edge: 'dated exactly at the window’s start, which is inclusive: in',
  },
  {
    at: '12-09 17:10:00',
    url: 'https://www.ti83teardown.net/',
    title: 'Taking apart the TI-83, 29 years later',
    summary: '',
    ai: false,
    hn: { id: 46204802, points: 160, comments: 77, by: 'mrmincent' },
  },
  // --- before the window
  {
    at: '12-01 16:00:00',
    url: `${HN_ITEM}46109500`,
    title: 'Ask HN: Who is hiring? (December 2025)',
    summary: '',
    ai: false,
    hn: {
      id: 46109500,
      points: 320,
      comments: 1011,
      by: 'whoishiring',
      text: 'Please state the location and include REMOTE for remote work.',
    },
  },
  {
    at: '12-08 18:20:00',
    url: 'https://www.fossilnotes.org/the-oldest-known-land-animal-footprints',
    title: 'The oldest known footprints of a land animal',
    summary: '',
    ai: false,
    hn: { id: 46194001, points: 145, comments: 52, by: 'Brajeshwar' },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// arXiv. Papers are drawn from per-category vocabularies so that titles and abstracts read like the real listing.

interface Task {
  /** Lower-case noun phrase; title-cased for titles. */
  name: string;
  datasets: [string, string, string];
  metric: string;
  /** True when a smaller value is better (FID, error, perplexity). */
  lowerIsBetter?: boolean;
  why: string;
  gap: string;
}

interface Method {
  title: string;
  how: string;
  /** Categories whose papers use it ('other' = the other archives); a planning method does not segment images. */
  areas: (ArxivCategory | 'other')[];
}

const TASKS: Record<ArxivCategory, Task[]> = {
  'cs.CL': [
    {
      name: 'long-context question answering',
      datasets: ['LongBench v2', 'RULER', 'InfiniteBench'],
      metric: 'accuracy',
      why: 'Long-context question answering asks a model to find and combine evidence spread over hundreds of thousands of tokens.',
      gap: 'Current models lose track of evidence placed in the middle of the input, and longer context windows alone do not fix this.',
    },
    {
      name: 'low-resource machine translation',
      datasets: ['FLORES-200', 'NTREX-128', 'WMT24'],
      metric: 'chrF++',
      why: 'Translation quality for low-resource languages still trails high-resource pairs by a wide margin, even for large multilingual models.',
      gap: 'Parallel data is scarce and noisy, and back-translation tends to amplify the errors of the seed model.',
    },
    {
      name: 'hallucination detection',
      datasets: ['HaluEval', 'TruthfulQA', 'FActScore'],
      metric: 'F1',
      why: 'Deployed language models state false facts with the same confidence as true ones.',
      gap: 'Existing detectors rely on sampling many answers, which is slow, or on external retrieval, which is often unavailable.',
    },
    {
      name: 'instruction following',
      datasets: ['IFEval', 'FollowBench', 'AlpacaEval 2.0'],
      metric: 'win rate',
      why: 'Users expect models to honour every constraint in an instruction, from length limits to output formats.',
      gap: 'Preference-tuned models satisfy the main request but silently drop secondary constraints.',
    },
    {
      name: 'mathematical reasoning',
      datasets: ['GSM8K', 'MATH-500', 'AIME 2025'],
      metric: 'accuracy',
      why: 'Multi-step mathematical reasoning remains a demanding test of whether language models can plan and verify.',
      gap: 'Chains of thought often contain an early arithmetic slip that no later step repairs.',
    },
    {
      name: 'repository-level code generation',
      datasets: ['SWE-bench Verified', 'RepoBench', 'LiveCodeBench'],
      metric: 'pass@1',
      why: 'Real software tasks require changes that span several files of an existing repository.',
      gap: 'Models trained on single functions struggle to retrieve the right context and to keep edits consistent across files.',
    },
    {
      name: 'retrieval-augmented generation',
      datasets: ['Natural Questions', 'HotpotQA', 'MuSiQue'],
      metric: 'exact match',
      why: 'Retrieval-augmented generation grounds answers in documents fetched at query time.',
      gap: 'Irrelevant or conflicting passages in the retrieved set still derail the generator.',
    },
    {
      name: 'text-to-SQL',
      datasets: ['Spider 2.0', 'BIRD', 'KaggleDBQA'],
      metric: 'execution accuracy',
      why: 'Text-to-SQL lets non-experts query databases in natural language.',
      gap: 'Enterprise schemas with hundreds of tables overwhelm prompt-based approaches.',
    },
    {
      name: 'machine-generated text detection',
      datasets: ['RAID', 'MGTBench', 'M4'],
      metric: 'AUROC',
      why: 'Detecting machine-generated text matters for education, journalism and platform integrity.',
      gap: 'Detectors trained on one generator fail on text from newer models or after light paraphrasing.',
    },
    {
      name: 'multilingual reasoning',
      datasets: ['MGSM', 'XCOPA', 'Global-MMLU'],
      metric: 'accuracy',
      why: 'Most reasoning gains of recent language models are measured in English only.',
      gap: 'Performance drops sharply in languages with little pretraining data, even when the task is identical.',
    },
    {
      name: 'clinical note summarization',
      datasets: ['MIMIC-IV-Note', 'MEDIQA-Sum', 'ACI-Bench'],
      metric: 'ROUGE-L',
      why: 'Clinicians spend hours each day writing and reading notes.',
      gap: 'General-purpose summarizers omit negations and medication changes that matter for care.',
    },
    {
      name: 'LLM-as-a-judge evaluation',
      datasets: ['MT-Bench', 'JudgeBench', 'RewardBench'],
      metric: 'agreement with human raters',
      why: 'Language models are increasingly used to grade other models.',
      gap: 'Judges prefer longer answers and answers in their own style, which biases leaderboards.',
    },
  ],
  'cs.CV': [
    {
      name: 'open-vocabulary semantic segmentation',
      datasets: ['ADE20K', 'PASCAL Context', 'COCO-Stuff'],
      metric: 'mIoU',
      why: 'Open-vocabulary segmentation labels every pixel with categories that may never have appeared in training.',
      gap: 'Methods built on CLIP-style encoders inherit their coarse, image-level alignment and blur object boundaries.',
    },
    {
      name: 'monocular depth estimation',
      datasets: ['NYU Depth v2', 'KITTI', 'DIODE'],
      metric: 'AbsRel',
      lowerIsBetter: true,
      why: 'Monocular depth estimation recovers scene geometry from a single image.',
      gap: 'Models trained on relative depth do not transfer metric scale across indoor and outdoor scenes.',
    },
    {
      name: 'text-to-video generation',
      datasets: ['VBench', 'UCF-101', 'MSR-VTT'],
      metric: 'FVD',
      lowerIsBetter: true,
      why: 'Text-to-video models can now produce short, photorealistic clips.',
      gap: 'Motion remains unstable over longer clips, with objects morphing or disappearing between frames.',
    },
    {
      name: 'novel view synthesis with 3D Gaussian splatting',
      datasets: ['Mip-NeRF 360', 'Tanks and Temples', 'Deep Blending'],
      metric: 'PSNR',
      why: 'Gaussian splatting renders novel views in real time from a set of posed photographs.',
      gap: 'Reconstructions degrade quickly when the input views are sparse or the scene contains reflective surfaces.',
    },
    {
      name: 'video question answering',
      datasets: ['MVBench', 'Video-MME', 'EgoSchema'],
      metric: 'accuracy',
      why: 'Answering questions about long videos requires tracking events over minutes, not seconds.',
      gap: 'Uniform frame sampling wastes the token budget on redundant frames and misses short decisive moments.',
    },
    {
      name: 'referring expression segmentation',
      datasets: ['RefCOCO', 'RefCOCO+', 'G-Ref'],
      metric: 'cIoU',
      why: 'Referring segmentation localises the object described by a free-form phrase.',
      gap: 'Models confuse objects of the same category that differ only in their spatial relations.',
    },
    {
      name: 'medical image segmentation',
      datasets: ['BraTS 2023', 'Synapse', 'ACDC'],
      metric: 'Dice score',
      why: 'Accurate organ and lesion segmentation underpins diagnosis and radiotherapy planning.',
      gap: 'Annotated scans are expensive, and models trained at one hospital lose accuracy at another.',
    },
    {
      name: 'real-world image super-resolution',
      datasets: ['DIV2K', 'RealSR', 'DRealSR'],
      metric: 'LPIPS',
      lowerIsBetter: true,
      why: 'Real-world super-resolution restores photographs degraded by unknown blur, noise and compression.',
      gap: 'Diffusion-based restorers hallucinate textures that were never in the scene.',
    },
    {
      name: 'multi-object tracking',
      datasets: ['MOT17', 'DanceTrack', 'SportsMOT'],
      metric: 'HOTA',
      why: 'Multi-object tracking keeps consistent identities for many targets across a video.',
      gap: 'Identity switches pile up when similar-looking targets cross or are occluded.',
    },
    {
      name: 'OCR-free document understanding',
      datasets: ['DocVQA', 'ChartQA', 'InfographicVQA'],
      metric: 'ANLS',
      why: 'Vision-language models read documents, charts and forms directly from pixels.',
      gap: 'High-resolution pages exceed the visual token budget, so small print is lost.',
    },
    {
      name: 'compositional text-to-image generation',
      datasets: ['GenEval', 'T2I-CompBench', 'DPG-Bench'],
      metric: 'overall score',
      why: 'Text-to-image models produce striking images from short prompts.',
      gap: 'They still miscount objects and swap attributes between them when prompts get longer.',
    },
    {
      name: 'camera-based 3D object detection',
      datasets: ['nuScenes', 'Waymo Open Dataset', 'Argoverse 2'],
      metric: 'NDS',
      why: 'Camera-only 3D detection is a cheaper alternative to LiDAR for driving.',
      gap: 'Depth ambiguity makes distant objects the main source of errors.',
    },
    {
      name: 'industrial anomaly detection',
      datasets: ['MVTec AD', 'VisA', 'Real-IAD'],
      metric: 'AUROC',
      why: 'Visual inspection on production lines must flag defects that were never seen before.',
      gap: 'Reconstruction-based detectors also reconstruct the defect and miss it.',
    },
  ],
  'cs.LG': [
    {
      name: 'offline reinforcement learning',
      datasets: ['D4RL', 'NeoRL-2', 'OGBench'],
      metric: 'normalized return',
      why: 'Offline reinforcement learning learns policies from logged data without further interaction.',
      gap: 'Value estimates for actions outside the data are overly optimistic and the policy exploits them.',
    },
    {
      name: 'federated learning under client heterogeneity',
      datasets: ['CIFAR-10', 'FEMNIST', 'Shakespeare'],
      metric: 'accuracy',
      why: 'Federated learning trains a shared model without collecting raw data from clients.',
      gap: 'When client data distributions differ, local updates drift apart and the global model stalls.',
    },
    {
      name: 'long-horizon time-series forecasting',
      datasets: ['ETTh1', 'Weather', 'Electricity'],
      metric: 'MSE',
      lowerIsBetter: true,
      why: 'Forecasting far ahead supports planning in energy, traffic and retail.',
      gap: 'Transformer forecasters overfit to noise and are often beaten by linear baselines.',
    },
    {
      name: 'node classification on large graphs',
      datasets: ['ogbn-arxiv', 'ogbn-products', 'ogbn-papers100M'],
      metric: 'accuracy',
      why: 'Graph neural networks classify nodes by aggregating information from their neighbourhoods.',
      gap: 'Full-batch training does not fit in memory, and neighbour sampling adds variance that slows convergence.',
    },
    {
      name: 'post-training quantization of large language models',
      datasets: ['WikiText-2', 'C4', 'MMLU'],
      metric: 'perplexity',
      lowerIsBetter: true,
      why: 'Quantizing weights and activations to four bits or fewer makes large models cheap to serve.',
      gap: 'Outlier channels in activations cause large errors at low bit widths.',
    },
    {
      name: 'continual learning',
      datasets: ['Split CIFAR-100', 'TinyImageNet', 'CORe50'],
      metric: 'average accuracy',
      why: 'Continual learners must acquire new tasks without forgetting earlier ones.',
      gap: 'Replay buffers help but raise privacy and storage concerns.',
    },
    {
      name: 'molecular property prediction',
      datasets: ['MoleculeNet', 'QM9', 'PCQM4Mv2'],
      metric: 'MAE',
      lowerIsBetter: true,
      why: 'Predicting molecular properties speeds up drug and materials discovery.',
      gap: 'Labelled molecules are few, and 2D graph models ignore conformational information.',
    },
    {
      name: 'language model pretraining efficiency',
      datasets: ['FineWeb-Edu', 'SlimPajama', 'C4'],
      metric: 'validation loss',
      lowerIsBetter: true,
      why: 'Pretraining cost dominates the budget of building a language model.',
      gap: 'Standard recipes spend much of their compute on tokens that teach the model little.',
    },
    {
      name: 'uncertainty calibration',
      datasets: ['ImageNet-C', 'CIFAR-10-C', 'WILDS'],
      metric: 'expected calibration error',
      lowerIsBetter: true,
      why: 'Well-calibrated confidence is needed before a model’s predictions can be trusted.',
      gap: 'Deep networks become overconfident under distribution shift.',
    },
    {
      name: 'preference optimization for language models',
      datasets: ['UltraFeedback', 'HH-RLHF', 'AlpacaEval 2.0'],
      metric: 'win rate',
      why: 'Preference optimization aligns language models with human judgements.',
      gap: 'Direct methods overfit to the preference data and drift away from the reference model.',
    },
    {
      name: 'fast sampling of diffusion models',
      datasets: ['ImageNet 256', 'CIFAR-10', 'LSUN Bedroom'],
      metric: 'FID',
      lowerIsBetter: true,
      why: 'Diffusion models generate high-quality samples but need many network evaluations.',
      gap: 'Distilled few-step samplers lose diversity and fine detail.',
    },
    {
      name: 'differentially private training',
      datasets: ['CIFAR-10', 'ImageNet', 'SST-2'],
      metric: 'accuracy',
      why: 'Differential privacy bounds what a trained model can reveal about any single example.',
      gap: 'Per-example gradient clipping and noise cost a large amount of accuracy.',
    },
    {
      name: 'tabular learning',
      datasets: ['TabArena', 'OpenML-CC18', 'Grinsztajn benchmark'],
      metric: 'average rank',
      lowerIsBetter: true,
      why: 'Tabular data is the most common data type in industry.',
      gap: 'Gradient-boosted trees still beat most deep models on medium-sized tables.',
    },
  ],
  'cs.AI': [
    {
      name: 'web agent planning',
      datasets: ['WebArena', 'Mind2Web', 'WebVoyager'],
      metric: 'success rate',
      why: 'Web agents complete multi-step tasks such as booking travel or filing forms in a real browser.',
      gap: 'Agents commit early to a wrong plan and rarely recover from it.',
    },
    {
      name: 'tool use by language model agents',
      datasets: ['BFCL v3', 'τ²-bench', 'ToolBench'],
      metric: 'pass rate',
      why: 'Tool calling lets language models act on external systems.',
      gap: 'Agents call the right tool with wrong arguments, especially over long multi-turn sessions.',
    },
    {
      name: 'automated theorem proving',
      datasets: ['miniF2F', 'PutnamBench', 'ProofNet'],
      metric: 'pass rate',
      why: 'Formal theorem proving offers reasoning whose every step can be checked by a proof assistant.',
      gap: 'Search over proof steps is expensive, and most sampled steps fail to type-check.',
    },
    {
      name: 'knowledge graph completion',
      datasets: ['FB15k-237', 'WN18RR', 'Wikidata5M'],
      metric: 'MRR',
      why: 'Knowledge graphs are incomplete, and predicting missing links supports search and question answering.',
      gap: 'Embedding models cannot handle entities that appear after training.',
    },
    {
      name: 'abstract visual reasoning',
      datasets: ['ARC-AGI-2', 'ConceptARC', 'RAVEN'],
      metric: 'accuracy',
      why: 'Abstract reasoning puzzles test whether a system can infer a rule from a handful of examples.',
      gap: 'Large models memorise surface patterns and fail on novel compositions of known rules.',
    },
    {
      name: 'jailbreak robustness',
      datasets: ['HarmBench', 'JailbreakBench', 'StrongREJECT'],
      metric: 'attack success rate',
      lowerIsBetter: true,
      why: 'Safety training should hold up against adversarial prompts.',
      gap: 'Multi-turn and encoded attacks still bypass refusal training at high rates.',
    },
    {
      name: 'causal discovery',
      datasets: ['Sachs', 'SynTReN', 'CausalBench'],
      metric: 'structural Hamming distance',
      lowerIsBetter: true,
      why: 'Causal discovery recovers cause-and-effect structure from observational data.',
      gap: 'Score-based methods scale poorly beyond a few dozen variables.',
    },
    {
      name: 'combinatorial optimization with language models',
      datasets: ['TSPLIB', 'CVRPLib', 'OR-Library'],
      metric: 'optimality gap',
      lowerIsBetter: true,
      why: 'Language models have been proposed as general heuristic designers for combinatorial problems.',
      gap: 'Generated heuristics are rarely competitive with hand-tuned solvers on large instances.',
    },
    {
      name: 'embodied instruction following',
      datasets: ['ALFWorld', 'BEHAVIOR-1K', 'ScienceWorld'],
      metric: 'success rate',
      why: 'Embodied agents must turn language instructions into long sequences of physical actions.',
      gap: 'Errors compound over long horizons and agents do not notice when a subgoal has failed.',
    },
    {
      name: 'long-term memory for conversational agents',
      datasets: ['LoCoMo', 'LongMemEval', 'MSC'],
      metric: 'accuracy',
      why: 'Assistants that talk to a user for months must remember what matters and forget what does not.',
      gap: 'Appending every past turn to the prompt is costly and buries relevant facts.',
    },
    {
      name: 'multi-agent collaboration',
      datasets: ['ChatDev tasks', 'MARBLE', 'Overcooked-AI'],
      metric: 'success rate',
      why: 'Teams of language-model agents divide complex tasks among specialised roles.',
      gap: 'Agents duplicate work and pass inconsistent information between roles.',
    },
    {
      name: 'clinical decision support',
      datasets: ['MedQA', 'MedMCQA', 'PubMedQA'],
      metric: 'accuracy',
      why: 'Medical question answering is a first step toward decision support at the bedside.',
      gap: 'High exam scores do not translate into reliable reasoning on realistic patient cases.',
    },
    {
      name: 'scientific hypothesis generation',
      datasets: ['SciMON', 'TOMATO-Chem', 'LiveIdeaBench'],
      metric: 'expert-rated novelty',
      why: 'Language models are being used to propose research hypotheses.',
      gap: 'Their proposals are fluent but often restate known results.',
    },
  ],
};

type OtherPrimary = 'cs.RO' | 'cs.IR' | 'stat.ML' | 'eess.AS' | 'cs.CR' | 'eess.IV';

/** Papers of other archives that are cross-listed into ours, with tasks of their own. */
const OTHER_TASKS: Record<OtherPrimary, Task[]> = {
  'cs.RO': [
    {
      name: 'dexterous robot manipulation',
      datasets: ['LIBERO', 'RoboCasa', 'CALVIN'],
      metric: 'success rate',
      why: 'Generalist robot policies promise to handle many household tasks with one model.',
      gap: 'Vision-language-action models fail on objects and layouts outside their demonstrations.',
    },
    {
      name: 'legged locomotion',
      datasets: ['Legged Gym', 'Isaac Lab terrains', 'real-world trials'],
      metric: 'success rate',
      why: 'Legged robots must cross stairs, gravel and slopes that wheeled robots cannot.',
      gap: 'Policies trained in simulation stumble on terrain properties the simulator does not model.',
    },
    {
      name: 'object-goal navigation',
      datasets: ['HM3D', 'Habitat ObjectNav', 'Gibson'],
      metric: 'SPL',
      why: 'Household robots need to find objects in homes they have never seen.',
      gap: 'End-to-end navigation policies explore inefficiently and revisit the same rooms.',
    },
  ],
  'cs.IR': [
    {
      name: 'sequential recommendation',
      datasets: ['Amazon Beauty', 'MovieLens-1M', 'Yelp'],
      metric: 'NDCG@10',
      why: 'Sequential recommenders predict the next item from a user’s history.',
      gap: 'Item-ID models cannot use the text and images that describe new items.',
    },
    {
      name: 'dense passage retrieval',
      datasets: ['MS MARCO', 'BEIR', 'LoTTE'],
      metric: 'nDCG@10',
      why: 'Dense retrievers map queries and passages into one embedding space.',
      gap: 'They generalise poorly to domains with vocabulary unseen in training.',
    },
  ],
  'stat.ML': [
    {
      name: 'conformal prediction',
      datasets: ['ImageNet', 'MEPS', 'Bike Sharing'],
      metric: 'average set size',
      lowerIsBetter: true,
      why: 'Conformal prediction returns prediction sets with guaranteed coverage.',
      gap: 'Marginal guarantees hide poor coverage for minority groups.',
    },
    {
      name: 'Bayesian optimization',
      datasets: ['HPO-B', 'YAHPO Gym', 'Ackley functions'],
      metric: 'simple regret',
      lowerIsBetter: true,
      why: 'Bayesian optimization tunes expensive black-box functions with few evaluations.',
      gap: 'Gaussian-process surrogates scale poorly with dimension and observations.',
    },
    {
      name: 'heterogeneous treatment effect estimation',
      datasets: ['IHDP', 'ACIC 2016', 'Twins'],
      metric: 'PEHE',
      lowerIsBetter: true,
      why: 'Estimating how a treatment effect varies across individuals guides personalised decisions.',
      gap: 'Estimators overfit when treated and control groups overlap little.',
    },
  ],
  'eess.AS': [
    {
      name: 'speech enhancement',
      datasets: ['VoiceBank-DEMAND', 'DNS Challenge', 'WHAMR!'],
      metric: 'PESQ',
      why: 'Speech enhancement removes noise and reverberation from recordings.',
      gap: 'Generative enhancers sometimes invent phonemes that were never spoken.',
    },
    {
      name: 'speaker verification',
      datasets: ['VoxCeleb1', 'CN-Celeb', 'SITW'],
      metric: 'equal error rate',
      lowerIsBetter: true,
      why: 'Speaker verification decides whether two recordings come from the same person.',
      gap: 'Short and noisy utterances still cause most verification errors.',
    },
  ],
  'cs.CR': [
    {
      name: 'malware detection',
      datasets: ['EMBER', 'BODMAS', 'SOREL-20M'],
      metric: 'F1',
      why: 'Machine-learning malware detectors must keep up with fast-changing threats.',
      gap: 'Detectors degrade within months as malware families evolve.',
    },
    {
      name: 'prompt injection defense',
      datasets: ['AgentDojo', 'BIPIA', 'InjecAgent'],
      metric: 'attack success rate',
      lowerIsBetter: true,
      why: 'Agents that read web pages and emails can be steered by instructions hidden in that content.',
      gap: 'Prompt-level defenses are bypassed by adaptive attacks.',
    },
  ],
  'eess.IV': [
    {
      name: 'accelerated MRI reconstruction',
      datasets: ['fastMRI', 'SKM-TEA', 'CMRxRecon'],
      metric: 'SSIM',
      why: 'Undersampled MRI shortens scans but needs reconstruction.',
      gap: 'Learned reconstructions can produce plausible structures that are not in the patient.',
    },
    {
      name: 'low-dose CT denoising',
      datasets: ['Mayo LDCT', 'LoDoPaB-CT', 'AAPM 2016'],
      metric: 'PSNR',
      why: 'Lower radiation doses make CT safer but noisier.',
      gap: 'Denoisers trained on simulated noise oversmooth small lesions in real scans.',
    },
  ],
};

/** Other ways titles name a task: two papers on one task rarely use the same words for it. */
const TASK_ALIASES: Record<string, string[]> = {
  'long-context question answering': ['needle-in-a-haystack retrieval', 'reasoning over long documents'],
  'low-resource machine translation': ['translation for underserved languages', 'low-resource MT'],
  'hallucination detection': ['detecting unsupported claims', 'factuality checking'],
  'instruction following': ['constraint adherence in LLMs', 'complex instructions'],
  'mathematical reasoning': ['competition math', 'multi-step arithmetic reasoning'],
  'repository-level code generation': ['software engineering agents', 'codebase-aware code completion'],
  'retrieval-augmented generation': ['RAG', 'grounded generation'],
  'text-to-SQL': ['natural language interfaces to databases', 'SQL generation'],
  'machine-generated text detection': ['AI-text detection', 'LLM text attribution'],
  'multilingual reasoning': ['cross-lingual transfer of reasoning', 'non-English reasoning'],
  'clinical note summarization': ['summarizing patient records', 'medical summarization'],
  'LLM-as-a-judge evaluation': ['automatic evaluators', 'model-based grading'],
  'open-vocabulary semantic segmentation': ['zero-shot segmentation', 'language-driven segmentation'],
  'monocular depth estimation': ['metric depth from a single image', 'single-view depth'],
  'text-to-video generation': ['video diffusion', 'long video synthesis'],
  'novel view synthesis with 3D Gaussian splatting': ['Gaussian splatting', 'sparse-view scene reconstruction'],
  'video question answering': ['long-video understanding', 'temporal grounding in video'],
  'referring expression segmentation': ['language-guided segmentation', 'visual grounding'],
  'medical image segmentation': ['organ and lesion segmentation', 'volumetric segmentation'],
  'real-world image super-resolution': ['blind image restoration', 'photo restoration'],
  'multi-object tracking': ['tracking by detection', 'identity-preserving tracking'],
  'OCR-free document understanding': ['chart and document reading', 'visual document QA'],
  'compositional text-to-image generation': ['prompt-faithful image generation', 'attribute binding in diffusion'],
  'camera-based 3D object detection': ['multi-view 3D detection', 'bird’s-eye-view perception'],
  'industrial anomaly detection': ['defect inspection', 'zero-shot anomaly localization'],
  'offline reinforcement learning': ['learning from logged interactions', 'batch RL'],
  'federated learning under client heterogeneity': ['non-IID federated training', 'personalized federated learning'],
  'long-horizon time-series forecasting': ['multivariate forecasting', 'long-term forecasting'],
  'node classification on large graphs': ['scalable graph learning', 'billion-edge GNN training'],
  'post-training quantization of large language models': ['4-bit LLM inference', 'low-bit quantization'],
  'continual learning': ['learning without forgetting', 'class-incremental learning'],
  'molecular property prediction': ['molecular representation learning', 'property prediction for drug discovery'],
  'language model pretraining efficiency': ['compute-efficient pretraining', 'data selection for pretraining'],
  'uncertainty calibration': ['confidence estimation under shift', 'predictive uncertainty'],
  'preference optimization for language models': ['direct preference optimization', 'learning from human feedback'],
  'fast sampling of diffusion models': ['few-step generation', 'diffusion distillation'],
  'differentially private training': ['private deep learning', 'DP-SGD at scale'],
  'tabular learning': ['deep models for tables', 'tabular foundation models'],
  'web agent planning': ['browser agents', 'autonomous web navigation'],
  'tool use by language model agents': ['function calling', 'API-using agents'],
  'automated theorem proving': ['formal proof search', 'Lean proving'],
  'knowledge graph completion': ['link prediction', 'inductive KG reasoning'],
  'abstract visual reasoning': ['ARC-style puzzles', 'few-shot rule induction'],
  'jailbreak robustness': ['adversarial prompting defenses', 'refusal robustness'],
  'causal discovery': ['structure learning', 'causal graph recovery'],
  'combinatorial optimization with language models': ['LLM-designed heuristics', 'neural combinatorial solvers'],
  'embodied instruction following': ['household task agents', 'language-conditioned embodied agents'],
  'long-term memory for conversational agents': ['persistent assistant memory', 'memory-augmented dialogue'],
  'multi-agent collaboration': ['LLM agent teams', 'role-based agent systems'],
  'clinical decision support': ['medical question answering', 'diagnostic reasoning'],
  'scientific hypothesis generation': ['AI-assisted discovery', 'research idea generation'],
  'dexterous robot manipulation': ['vision-language-action policies', 'bimanual manipulation'],
  'legged locomotion': ['quadruped control', 'sim-to-real locomotion'],
  'object-goal navigation': ['semantic navigation', 'embodied object search'],
  'sequential recommendation': ['next-item recommendation', 'generative recommenders'],
  'dense passage retrieval': ['neural retrieval', 'embedding-based search'],
  'conformal prediction': ['distribution-free uncertainty', 'coverage guarantees'],
  'Bayesian optimization': ['black-box optimization', 'hyperparameter search'],
  'heterogeneous treatment effect estimation': ['individual treatment effects', 'uplift modeling'],
  'speech enhancement': ['speech denoising', 'dereverberation'],
  'speaker verification': ['speaker recognition', 'voice biometrics'],
  'malware detection': ['malware classification', 'binary analysis'],
  'prompt injection defense': ['indirect prompt injection', 'agent security'],
  'accelerated MRI reconstruction': ['undersampled MRI', 'compressed-sensing MRI'],
  'low-dose CT denoising': ['CT image denoising', 'low-dose CT'],
};

const METHODS: Method[] = [
  {
    title: 'Contrastive Preference Distillation',
    how: 'distills the preferences of a large judge model into the target model with a contrastive loss over paired outputs',
    areas: ['cs.CL', 'cs.AI', 'cs.LG'],
  },
  {
    title: 'Sparse Mixture-of-Experts Adapters',
    how: 'attaches a handful of low-rank experts to a frozen backbone and learns a router that activates two of them per token',
    areas: ['cs.CL', 'cs.CV', 'cs.LG', 'cs.AI', 'other'],
  },
  {
    title: 'Curriculum Self-Play',
    how: 'lets the model generate its own training problems and orders them from easy to hard by its current success rate',
    areas: ['cs.CL', 'cs.AI', 'cs.LG'],
  },
  {
    title: 'Retrieval-Augmented Memory',
    how: 'keeps a compact external memory of past observations and retrieves only the entries relevant to the current step',
    areas: ['cs.CL', 'cs.AI', 'cs.CV', 'other'],
  },
  {
    title: 'Verifier-Guided Test-Time Scaling',
    how: 'samples several candidate solutions and lets a learned verifier select and refine the most promising one',
    areas: ['cs.CL', 'cs.AI'],
  },
  {
    title: 'Entropy-Guided Token Pruning',
    how: 'drops redundant tokens between layers according to the entropy of their attention, without retraining the backbone',
    areas: ['cs.CV', 'cs.CL', 'cs.LG'],
  },
  {
    title: 'Rectified Flow Matching',
    how: 'replaces the diffusion objective with conditional flow matching along straight paths between noise and data',
    areas: ['cs.CV', 'cs.LG', 'other'],
  },
  {
    title: 'Hierarchical Subgoal Planning',
    how: 'decomposes each task into subgoals with a high-level planner and hands every subgoal to a low-level executor',
    areas: ['cs.AI', 'other'],
  },
  {
    title: 'Uncertainty-Aware Model Routing',
    how: 'estimates the difficulty of each input and sends only the hard ones to a larger model',
    areas: ['cs.CL', 'cs.AI', 'cs.LG'],
  },
  {
    title: 'Execution-Filtered Synthetic Data',
    how: 'generates synthetic training examples with a teacher model and keeps only those that pass execution or consistency checks',
    areas: ['cs.CL', 'cs.AI'],
  },
  {
    title: 'Graph-Structured Prompting',
    how: 'encodes the relations between entities as a graph and serialises it into the prompt in a fixed order',
    areas: ['cs.CL', 'cs.AI'],
  },
  {
    title: 'Low-Rank Gradient Projection',
    how: 'projects gradients onto a slowly changing low-rank subspace to cut optimizer memory',
    areas: ['cs.LG', 'cs.CL'],
  },
  {
    title: 'Reinforcement Learning with Verifiable Rewards',
    how: 'trains the model with rewards computed by programmatic checkers instead of a learned reward model',
    areas: ['cs.CL', 'cs.AI', 'cs.LG'],
  },
  {
    title: 'Rationale Distillation',
    how: 'trains a small student on the intermediate reasoning of a large teacher rather than on its final answers alone',
    areas: ['cs.CL', 'cs.AI'],
  },
  {
    title: 'Prototype-Guided Contrastive Learning',
    how: 'pulls features toward learned class prototypes and pushes apart the prototypes of easily confused classes',
    areas: ['cs.CV', 'cs.LG', 'other'],
  },
  {
    title: 'Frequency-Domain Augmentation',
    how: 'perturbs amplitude spectra while keeping phase, so augmented samples keep their structure',
    areas: ['cs.CV', 'cs.LG', 'other'],
  },
  {
    title: 'Selective State-Space Layers',
    how: 'replaces attention with a selective state-space layer whose cost grows linearly with sequence length',
    areas: ['cs.CV', 'cs.CL', 'cs.LG', 'other'],
  },
  {
    title: 'Speculative Decoding',
    how: 'drafts several tokens with a small model and verifies them in parallel with the large one',
    areas: ['cs.CL', 'cs.LG'],
  },
  {
    title: 'Block-Sparse Attention',
    how: 'selects for each query block the key blocks with the highest estimated relevance and skips the rest',
    areas: ['cs.CL', 'cs.CV', 'cs.LG'],
  },
  {
    title: 'Masked Autoencoder Pretraining',
    how: 'pretrains the encoder to reconstruct heavily masked inputs before fine-tuning on the target task',
    areas: ['cs.CV', 'cs.LG', 'other'],
  },
  {
    title: 'Score Distillation from Diffusion Priors',
    how: 'uses a pretrained diffusion model as a prior and optimises the output by score distillation',
    areas: ['cs.CV'],
  },
  {
    title: 'Optimal Transport Alignment',
    how: 'aligns the source and target feature distributions with an entropic optimal-transport plan',
    areas: ['cs.CV', 'cs.LG', 'cs.CL', 'other'],
  },
  {
    title: 'Group Relative Policy Optimization',
    how: 'estimates advantages from groups of sampled responses instead of a learned value network',
    areas: ['cs.CL', 'cs.AI', 'cs.LG'],
  },
  {
    title: 'Sign-Consistent Model Merging',
    how: 'merges task-specific fine-tunes after resolving sign conflicts between their parameter updates',
    areas: ['cs.CL', 'cs.LG', 'cs.CV'],
  },
  {
    title: 'Process Reward Models',
    how: 'scores every intermediate step of a solution rather than only the final answer',
    areas: ['cs.CL', 'cs.AI'],
  },
  {
    title: 'Temporal Consistency Regularization',
    how: 'penalises changes in predictions between neighbouring frames that are not explained by estimated motion',
    areas: ['cs.CV', 'other'],
  },
  {
    title: 'Geometry-Aware Feature Fields',
    how: 'lifts 2D foundation-model features into a 3D field that is consistent across viewpoints',
    areas: ['cs.CV'],
  },
  {
    title: 'Conformal Risk Control',
    how: 'calibrates a threshold on held-out data so that the expected loss stays below a user-chosen level',
    areas: ['cs.LG', 'cs.AI', 'cs.CL', 'other'],
  },
  {
    title: 'Adaptive Computation Depth',
    how: 'lets each token exit the network early once an auxiliary head is confident',
    areas: ['cs.CL', 'cs.CV', 'cs.LG'],
  },
  {
    title: 'Counterfactual Data Augmentation',
    how: 'rewrites training examples to change only the causal factor of interest and keeps labels consistent',
    areas: ['cs.CL', 'cs.CV', 'cs.AI', 'cs.LG'],
  },
];

const NAME_HEADS = [
  'Flux',
  'Lumen',
  'Prism',
  'Helix',
  'Atlas',
  'Vista',
  'Nexus',
  'Quill',
  'Tessel',
  'Orbit',
  'Sable',
  'Cobalt',
  'Aster',
  'Mosaic',
  'Ripple',
  'Cinder',
  'Vector',
  'Beacon',
  'Delta',
  'Fathom',
  'Glyph',
  'Harbor',
  'Ion',
  'Jade',
  'Kite',
  'Loom',
  'Meridian',
  'Nimbus',
  'Onyx',
  'Pylon',
  'Quasar',
  'Relay',
  'Sonar',
  'Tandem',
  'Umbra',
  'Vertex',
  'Warp',
  'Zenith',
  'Ember',
  'Fjord',
];
/** Tails that fit any topic (a name like “…Depth” on a quantization paper would read wrong); benchmarks end in “Bench”. */
const NAME_TAILS = ['Net', 'Former', 'Mix', 'Align', 'Flow', 'Fuse', 'Lens', 'Scope', 'Tune', 'Cast', 'Shift', 'Gate', 'Path', 'Core'];

const FIRST_NAMES = [
  'Wei',
  'Yuki',
  'Arjun',
  'Sofia',
  'Mateo',
  'Amara',
  'Lukas',
  'Hana',
  'Omar',
  'Chloe',
  'Ji-woo',
  'Priya',
  'Tomás',
  'Elena',
  'Kwame',
  'Ingrid',
  'Ravi',
  'Mei',
  'Daniel',
  'Fatima',
  'Jonas',
  'Ana',
  'Haruto',
  'Nadia',
  'Samuel',
  'Leila',
  'Minh',
  'Olga',
  'Pedro',
  'Zhiyuan',
  'Aisha',
  'Felix',
  'Xinyi',
  'Marco',
  'Sara',
  'Yusuf',
  'Clara',
  'Hiroshi',
  'Noor',
  'Ethan',
  'Linnea',
  'Kai',
  'Ruth',
  'Dmitri',
  'Ayumi',
  'Chen',
  'Isabel',
  'Tariq',
  'Julia',
  'Sung-min',
];
const LAST_NAMES = [
  'Zhang',
  'Tanaka',
  'Sharma',
  'Rossi',
  'García',
  'Okafor',
  'Müller',
  'Kim',
  'Haddad',
  'Dubois',
  'Park',
  'Iyer',
  'Silva',
  'Petrova',
  'Mensah',
  'Larsen',
  'Nair',
  'Liu',
  'Cohen',
  'Rahman',
  'Becker',
  'Costa',
  'Sato',
  'Kowalski',
  'Adeyemi',
  'Nguyen',
  'Ivanova',
  'Moreau',
  'Wang',
  'Chaudhry',
  'Fischer',
  'Li',
  'Bianchi',
  'Andersson',
  'Yilmaz',
  'Novak',
  'Ito',
  'Hussain',
  'Brooks',
  'Lindqvist',
  'Tran',
  'Weber',
  'Huang',
  'Alvarez',
  'Mori',
  'Chen',
  'Santos',
  'Ali',
  'Schmidt',
  'Xu',
];

const LICENSES = [
  'http://arxiv.org/licenses/nonexclusive-distrib/1.0/',
  'http://arxiv.org/licenses/nonexclusive-distrib/1.0/',
  'http://arxiv.org/licenses/nonexclusive-distrib/1.0/',
  'http://creativecommons.org/licenses/by/4.0/',
  'http://creativecommons.org/licenses/by/4.0/',
  'http://creativecommons.org/licenses/by-nc-sa/4.0/',
  'http://creativecommons.org/licenses/by-sa/4.0/',
  'http://creativecommons.org/publicdomain/zero/1.0/',
];

type AnnounceType = 'new' | 'cross' | 'replace' | 'replace-cross';

interface Paper {
  /** `2512.06153` */
  id: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  /** Primary first, then cross-lists (any archive). */
  categories: string[];
  license: string;
  /** A replacement of an older paper (announced as replace / replace-cross). */
  replaced: boolean;
  story?: StoryKey;
  /** Listed on Hugging Face daily papers today; the sentence HF shows above the abstract. */
  hf?: string;
  edge?: string;
}

const SMALL_WORDS = ['of', 'for', 'with', 'and', 'in', 'on', 'by', 'to', 'from', 'under', 'via', 'the', 'a', 'as'];
const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
/** `open-vocabulary semantic segmentation` → `Open-Vocabulary Semantic Segmentation`, `text-to-SQL` → `Text-to-SQL`. */
const titleCase = (s: string) =>
  s
    .split(' ')
    .map((w, i) =>
      i > 0 && SMALL_WORDS.includes(w)
        ? w
        : w
            .split('-')
            .map((part, j) => (j > 0 && SMALL_WORDS.includes(part) ? part : capitalise(part)))
            .join('-'),
    )
    .join(' ');

type PaperKind = 'method' | 'benchmark' | 'analysis' | 'theory';

const MODELS_PHRASE: Record<ArxivCategory | 'other', string> = {
  'cs.CL': 'Language Models',
  'cs.CV': 'Vision-Language Models',
  'cs.LG': 'Neural Networks',
  'cs.AI': 'LLM Agents',
  other: 'Foundation Models',
};

// Real abstracts share vocabulary, not sentences: every sentence below has several variants or is assembled from
// parts, so that two papers on the same task do not repeat each other verbatim (a clusterer would merge them).

const MECHANISMS = [
  'A lightweight consistency term keeps the adapted model close to its base distribution, so general capabilities are preserved.',
  'Because {N} needs no additional labels, it can be applied on top of existing checkpoints at negligible cost.',
  '{N} adds fewer than {P}% parameters and keeps the throughput of the baseline.',
  'The approach changes only the training objective and is simple to add to existing pipelines.',
  'We further show that {N} is complementary to standard fine-tuning, and the gains add up when both are used.',
  'A two-stage schedule first stabilises the representation and then specialises it to the task.',
  'We prove that, under mild assumptions, the procedure converges at the standard rate.',
  'Unlike prior work, {N} needs no access to gradients, so it also applies to closed models behind an API.',
  'Training takes {P} GPU-days, about a third of what comparable systems report.',
  'All components are trained jointly end to end, with no hand-tuned thresholds.',
  'At inference time {N} falls back to the base model whenever its own confidence is low.',
  'We also derive a cheaper variant that shares parameters across layers.',
  'The design is deliberately simple: a single hyperparameter controls the trade-off between accuracy and cost.',
  'Human raters preferred outputs of {N} in a blind comparison.',
];

const CLOSINGS = [
  'Code and checkpoints will be released.',
  'Ablations confirm that each component contributes, and the gains persist across three model sizes.',
  'We release code, data and trained models.',
  'Our results suggest that careful data construction matters more than scale for this problem.',
  'We discuss limitations, including the reliance on English-language training data.',
  'The method adds less than {P}% to training time.',
  'An error analysis shows that the remaining failures concentrate on rare, long-tail inputs.',
  'Project page and code are available online.',
  'We hope {N} serves as a strong, simple baseline for future work.',
  'Further analysis reveals that the learned behaviour transfers to unseen domains without retraining.',
];

/** Parts a method is assembled from (`{N} combines low-rank adapters with a lightweight verifier head`), by area. */
const GENERIC_COMPONENTS = [
  'low-rank adapters',
  'a teacher-student distillation loss',
  'a contrastive alignment objective',
  'a curriculum over task difficulty',
  'a calibrated confidence estimate',
  'a sparse mixture of experts',
  'an early-exit classifier',
  'a learned data-selection score',
  'counterfactual rewrites of the training data',
  'a conformal calibration layer',
  'sign-aware parameter merging',
];
const AREA_COMPONENTS: Record<ArxivCategory | 'other', string[]> = {
  'cs.CL': [
    'a lightweight verifier head',
    'an external key-value memory',
    'synthetic examples filtered by execution',
    'a step-level reward model',
    'drafting with a small auxiliary model',
    'entropy-based token dropping',
    'rationales from a larger teacher',
    'self-generated practice problems',
    'a query-aware context compressor',
    'block-sparse attention',
    'a graph encoder over entity relations',
  ],
  'cs.CV': [
    'motion-compensated temporal smoothing',
    'view-consistent feature lifting',
    'a diffusion-based prior',
    'a multi-scale feature pyramid',
    'amplitude-spectrum perturbations',
    'a masked reconstruction pretext task',
    'a bidirectional cross-attention bridge',
    'block-sparse attention',
    'entropy-based token dropping',
    'optimal-transport matching between feature sets',
  ],
  'cs.LG': [
    'a selective state-space layer',
    'group-relative advantage estimates',
    'a physics-informed regulariser',
    'optimal-transport matching between feature sets',
    'a diffusion-based prior',
    'amplitude-spectrum perturbations',
    'a masked reconstruction pretext task',
    'a graph encoder over entity relations',
    'drafting with a small auxiliary model',
  ],
  'cs.AI': [
    'a two-level planner',
    'retrieval over past trajectories',
    'a lightweight verifier head',
    'an external key-value memory',
    'group-relative advantage estimates',
    'a step-level reward model',
    'self-generated practice problems',
    'a graph encoder over entity relations',
    'rationales from a larger teacher',
  ],
  other: [
    'a diffusion-based prior',
    'a physics-informed regulariser',
    'a multi-scale feature pyramid',
    'retrieval over past trajectories',
    'a selective state-space layer',
    'a masked reconstruction pretext task',
  ],
};

const SETTINGS = [
  'with fewer than 100 labelled examples',
  'under a fixed inference budget',
  'on a single commodity GPU',
  'across 14 languages',
  'in the presence of label noise',
  'under distribution shift between training and deployment',
  'with streaming inputs',
  'when the base model is only reachable through an API',
  'for on-device deployment',
  'with strict latency constraints',
  'without access to ground-truth rewards',
  'in a zero-shot setting',
  'with inputs of up to 128K tokens',
  'with partially observed inputs',
  'at the scale of billions of parameters',
  'when annotations come from several disagreeing sources',
];

/** Where a paper applies its task: the specific vocabulary that makes two papers on one task read differently. */
const DOMAINS: Record<ArxivCategory, string[]> = {
  'cs.CL': [
    'legal contracts',
    'clinical notes',
    'customer-support chats',
    'financial filings',
    'parliamentary transcripts',
    'scientific papers',
    'news archives',
    'software documentation',
    'patent claims',
    'social-media posts',
    'call-centre transcripts',
    'textbooks',
  ],
  'cs.CV': [
    'satellite imagery',
    'endoscopy video',
    'retail shelves',
    'drone footage',
    'dashcam video',
    'histopathology slides',
    'street-view panoramas',
    'thermal cameras',
    'microscopy images',
    'sports broadcasts',
    'indoor scans',
    'factory inspection lines',
  ],
  'cs.LG': [
    'power-grid load',
    'wearable sensor streams',
    'ad-click logs',
    'protein assays',
    'credit-risk tables',
    'traffic sensors',
    'climate reanalysis data',
    'hospital records',
    'supply-chain demand',
    'chip-design flows',
    'recommendation logs',
    'seismic recordings',
  ],
  'cs.AI': [
    'household robots',
    'spreadsheet workflows',
    'airline booking sites',
    'enterprise IT tickets',
    'chemistry labs',
    'tax forms',
    'game environments',
    'hospital triage',
    'logistics planning',
    'open-source repositories',
    'tutoring dialogues',
    'incident response',
  ],
};
/** Tasks whose area's domains do not fit them (nobody samples diffusion models on “ad-click logs”). */
const TASK_DOMAINS: Record<string, string[]> = {
  'text-to-SQL': ['retail databases', 'hospital databases', 'financial data warehouses'],
  'repository-level code generation': ['open-source repositories', 'enterprise monorepos', 'scientific software'],
  'mathematical reasoning': ['textbooks', 'olympiad problems', 'engineering exams'],
  'clinical note summarization': ['discharge summaries', 'radiology reports', 'outpatient visits'],
  'monocular depth estimation': ['indoor scans', 'drone footage', 'endoscopy video', 'street-view panoramas'],
  'novel view synthesis with 3D Gaussian splatting': ['indoor scans', 'drone footage', 'street-view panoramas'],
  'text-to-video generation': ['advertising', 'game cutscenes', 'educational videos'],
  'compositional text-to-image generation': ['product photography', 'illustration', 'design mock-ups'],
  'OCR-free document understanding': ['invoices', 'scientific figures', 'government forms'],
  'camera-based 3D object detection': ['dashcam video', 'urban driving', 'highway driving'],
  'medical image segmentation': ['CT scans', 'MRI', 'ultrasound'],
  'industrial anomaly detection': ['factory inspection lines', 'PCB manufacturing', 'textile production'],
  'offline reinforcement learning': ['recommendation logs', 'industrial control', 'robot manipulation logs'],
  'federated learning under client heterogeneity': ['mobile keyboards', 'hospital networks', 'wearable sensor streams'],
  'long-horizon time-series forecasting': ['power-grid load', 'traffic sensors', 'climate reanalysis data'],
  'node classification on large graphs': ['citation networks', 'e-commerce graphs', 'fraud-detection graphs'],
  'post-training quantization of large language models': ['on-device assistants', 'serving clusters', 'edge accelerators'],
  'continual learning': ['robot perception', 'fraud detection', 'recommendation logs'],
  'molecular property prediction': ['drug screening', 'battery materials', 'protein assays'],
  'language model pretraining efficiency': ['web-scale corpora', 'code corpora', 'multilingual corpora'],
  'uncertainty calibration': ['medical imaging', 'autonomous driving', 'credit scoring'],
  'preference optimization for language models': ['chat assistants', 'summarization models', 'coding assistants'],
  'fast sampling of diffusion models': ['image generation services', 'video generation', 'molecule generation'],
  'differentially private training': ['hospital records', 'keyboard prediction', 'financial transactions'],
  'tabular learning': ['credit-risk tables', 'insurance claims', 'hospital records'],
  'web agent planning': ['airline booking sites', 'online shopping', 'government portals'],
  'tool use by language model agents': ['enterprise IT tickets', 'spreadsheet workflows', 'travel booking'],
  'automated theorem proving': ['olympiad mathematics', 'formal software verification', 'undergraduate algebra'],
  'knowledge graph completion': ['biomedical knowledge graphs', 'enterprise knowledge bases', 'Wikidata'],
  'abstract visual reasoning': ['grid puzzles', 'visual IQ tests', 'program synthesis tasks'],
  'jailbreak robustness': ['customer-facing chatbots', 'coding assistants', 'agents with tool access'],
  'causal discovery': ['gene regulatory networks', 'manufacturing processes', 'economic indicators'],
  'combinatorial optimization with language models': ['logistics planning', 'chip placement', 'crew scheduling'],
  'embodied instruction following': ['household robots', 'kitchen simulators', 'warehouse robots'],
  'long-term memory for conversational agents': ['tutoring dialogues', 'personal assistants', 'customer support'],
  'multi-agent collaboration': ['open-source repositories', 'incident response', 'game environments'],
  'clinical decision support': ['hospital triage', 'primary care', 'emergency medicine'],
  'scientific hypothesis generation': ['chemistry labs', 'materials science', 'biomedicine'],
};
const OTHER_DOMAINS: Record<OtherPrimary, string[]> = {
  'cs.RO': ['warehouse picking', 'kitchen tasks', 'agricultural fields', 'hospital logistics'],
  'cs.IR': ['online retail', 'music streaming', 'news feeds', 'job marketplaces'],
  'stat.ML': ['clinical trials', 'A/B tests', 'materials screening', 'insurance pricing'],
  'eess.AS': ['hearing aids', 'smart-home assistants', 'call-centre audio', 'podcast archives'],
  'cs.CR': ['firmware binaries', 'browser extensions', 'email gateways', 'AI agents with tool access'],
  'eess.IV': ['knee MRI', 'cardiac imaging', 'remote sensing', 'dental X-rays'],
};

const DOMAIN_ISSUES = [
  'inputs are long and noisy',
  'labels are scarce and expensive',
  'errors carry real costs',
  'data arrive continuously',
  'privacy rules limit data sharing',
  'the distribution drifts from month to month',
  'rare cases matter most',
  'experts disagree on the correct output',
  'latency budgets are tight',
  'the vocabulary is highly specialised',
];

/**
 * A method paper names its own technique: a modifier and a noun of its area (hundreds of combinations). With only the
 * well-known techniques above, every title would share its method phrase with a dozen others and a title-weighted
 * clusterer would chain the whole listing into one topic, which a real listing does not do.
 */
const TECHNIQUE_MODIFIERS = [
  'Router-Guided',
  'Memory-Augmented',
  'Entropy-Aware',
  'Curriculum',
  'Contrastive',
  'Prototype-Anchored',
  'Spectral',
  'Causal',
  'Hierarchical',
  'Sparse',
  'Low-Rank',
  'Verifier-Guided',
  'Uncertainty-Aware',
  'Geometry-Aware',
  'Token-Level',
  'Step-Level',
  'Retrieval-Augmented',
  'Diffusion-Guided',
  'Group-Relative',
  'Conformal',
  'Bidirectional',
  'Multi-Scale',
  'Query-Aware',
  'Physics-Informed',
  'Counterfactual',
  'Transport-Regularized',
  'Self-Correcting',
  'Mixture-of-Experts',
  'Layer-Adaptive',
  'Dual-Stream',
];
const TECHNIQUE_NOUNS: Record<ArxivCategory | 'other', string[]> = {
  'cs.CL': [
    'Distillation',
    'Decoding',
    'Prompting',
    'Instruction Tuning',
    'Reward Modeling',
    'Retrieval',
    'Self-Training',
    'Preference Alignment',
    'Context Compression',
    'Tokenization',
  ],
  'cs.CV': [
    'Feature Fields',
    'Visual Tokenization',
    'Cross-Attention',
    'Masked Pretraining',
    'Distillation',
    'Augmentation',
    'Adapters',
    'Correspondence Matching',
    'Multimodal Fusion',
    'Denoising',
  ],
  'cs.LG': [
    'Optimization',
    'Regularization',
    'Pretraining',
    'Calibration',
    'Model Merging',
    'Sampling',
    'Self-Training',
    'Pruning',
    'Gradient Projection',
    'Policy Optimization',
  ],
  'cs.AI': [
    'Planning',
    'Tree Search',
    'Reward Modeling',
    'Policy Optimization',
    'Agent Memory',
    'Verification',
    'Tool Selection',
    'Self-Reflection',
    'Self-Play',
    'Multi-Agent Coordination',
  ],
  other: ['Pretraining', 'Calibration', 'Sensor Fusion', 'Policy Learning', 'Distillation', 'Domain Adaptation'],
};

const TITLE_ADJECTIVES = [
  'Robust',
  'Efficient',
  'Scalable',
  'Data-Efficient',
  'Faithful',
  'Controllable',
  'Label-Efficient',
  'Reliable',
  'Adaptive',
  'Unified',
  'Training-Free',
  'Interpretable',
  'Lightweight',
  'Calibrated',
];
const TITLE_QUALIFIERS = [
  'in the Wild',
  'at Test Time',
  'without Retraining',
  'from Noisy Supervision',
  'under Distribution Shift',
  'on a Budget',
  'for Edge Devices',
  'with Few Labels',
  'at Scale',
  'across Languages',
  'from Weak Signals',
  'with Verifiable Guarantees',
];

/** Unique acronym-like names: a paper name must not repeat within the day. */
function makeNamer(rng: Rng): (benchmark: boolean) => string {
  const used = new Set<string>(['Kestrel', 'StreamWorld', 'AgentWork']);
  return (benchmark) => {
    for (;;) {
      const name = `${rng.pick(NAME_HEADS)}${benchmark ? 'Bench' : rng.pick(NAME_TAILS)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

/** `1,200`: by hand, so no ICU build or locale can change the output. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([A-Z])\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
}

function makeTitle(
  rng: Rng,
  kind: PaperKind,
  name: string,
  task: Task,
  method: Method,
  area: ArxivCategory | 'other',
  domain: string,
): string {
  const T = titleCase(rng.pick([task.name, ...(TASK_ALIASES[task.name] ?? [])]));
  const D = titleCase(domain);
  const models = MODELS_PHRASE[area];
  // No “Calibrated Uncertainty Calibration”.
  const adj = rng.pick(TITLE_ADJECTIVES.filter((a) => !T.toLowerCase().includes(a.slice(0, 5).toLowerCase())));
  const qual = rng.pick(TITLE_QUALIFIERS);
  switch (kind) {
    case 'benchmark':
      return rng.pick([
        `${name}: A Benchmark for ${T}`,
        `${name}: A ${rng.pick(['Holistic', 'Contamination-Free', 'Fine-Grained', 'Multilingual', 'Long-Horizon', 'Expert-Annotated'])} Evaluation of ${T}`,
        `How Far Are ${models} from ${adj} ${T}? The ${name} Benchmark`,
        `${name}: Stress-Testing ${T} ${qual}`,
        `${name}: Measuring ${T} on ${D}`,
      ]);
    case 'analysis':
      return rng.pick([
        `When Does ${method.title} Help ${T}?`,
        `Do ${models} Really Need ${method.title}? A Controlled Study of ${T}`,
        `Revisiting ${method.title} for ${T} ${qual}`,
        `On the Limits of ${method.title} in ${T}`,
        `Rethinking ${T}: Is ${method.title} Necessary?`,
        `The Hidden Cost of ${method.title}`,
        `${T} Baselines Are Stronger Than You Think`,
        `Is ${method.title} Overrated? Evidence from ${D}`,
      ]);
    case 'theory':
      return rng.pick([
        `Sharper Generalization Bounds for ${method.title}`,
        `On the Convergence of ${method.title} under Heavy-Tailed Noise`,
        `A Statistical Theory of ${method.title} for ${T}`,
      ]);
    default:
      return rng.pick([
        `${name}: ${method.title} for ${T}`,
        `${name}: ${adj} ${T} ${qual}`,
        `Towards ${adj} ${T} via ${method.title}`,
        `${T} ${qual} with ${method.title}`,
        `${method.title} for ${T} on ${D}`,
        `${name}: Bringing ${method.title} to ${T}`,
        `${adj} ${T} ${qual}: The ${name} Approach`,
        `${name}: ${method.title} Makes ${T} ${rng.pick(['Cheaper', 'Faster', 'More Reliable', 'Practical'])}`,
      ]);
  }
}

function resultSentence(rng: Rng, task: Task, subject: string): string {
  const sets = rng.sample(task.datasets, rng.int(1, 3));
  const on = sets.length === 1 ? sets[0]! : `${sets.slice(0, -1).join(', ')} and ${sets[sets.length - 1]}`;
  const gain = task.lowerIsBetter
    ? `reduces ${task.metric} by ${rng.int(6, 31)}%`
    : `improves ${task.metric} by ${rng.decimal(1.1, 8.9)} points`;
  return rng.pick([
    `On ${on}, ${subject} ${gain} over the strongest baseline.`,
    `Experiments on ${on} show that ${subject} ${gain} relative to prior state of the art.`,
    `${subject} ${gain} on ${on}, with the largest gains on the hardest split.`,
    `Across ${on}, ${subject} ${gain} while using ${rng.int(2, 9)}x less compute than the best competing method.`,
    `Compared with strong baselines on ${on}, ${subject} ${gain}.`,
  ]);
}

function methodPhrase(rng: Rng, method: Method, area: ArxivCategory | 'other'): string {
  if (method.how && rng.chance(0.3)) return method.how;
  const [a, b] = rng.sample([...GENERIC_COMPONENTS, ...AREA_COMPONENTS[area]], 2);
  return rng.pick([
    `combines ${a} with ${b}`,
    `couples ${a} and ${b} in a single model`,
    `pairs ${a} with ${b}`,
    `builds on ${a} and adds ${b}`,
  ]);
}

function makeAbstract(
  rng: Rng,
  kind: PaperKind,
  name: string,
  task: Task,
  method: Method,
  domain: string,
  area: ArxivCategory | 'other',
): string {
  const vars = { N: name, P: String(rng.int(1, 4)) };
  const issue = rng.pick(DOMAIN_ISSUES);
  const opening = rng.pick([
    task.why,
    task.gap,
    `${capitalise(task.name)} is increasingly applied to ${domain}, where ${issue}.`,
    `Most work on ${task.name} is evaluated on clean academic data rather than on ${domain}, where ${issue}.`,
    `${task.why} In ${domain}, the problem is harder because ${issue}.`,
  ]);
  const setting = rng.pick(SETTINGS);
  switch (kind) {
    case 'benchmark': {
      const n = rng.int(4, 30) * 100;
      return [
        opening,
        rng.pick([
          `Existing benchmarks for ${task.name} are saturated, partly contaminated by pretraining data, or limited to English.`,
          `Current evaluations of ${task.name} rely on small or synthetic test sets that no longer separate strong models.`,
          `Progress on ${task.name} is hard to measure ${setting}, because public test sets rarely reflect that condition.`,
        ]),
        `We introduce ${name}, ${rng.pick(['a benchmark of', 'a suite of', 'an evaluation set of'])} ${thousands(n)} ${rng.pick(['manually verified examples', 'expert-written tasks', 'cases drawn from real deployments'])} covering ${rng.int(5, 14)} domains${rng.chance(0.5) ? ', collected after the training cut-off of current models' : ''}.`,
        `${rng.pick([`We evaluate ${rng.int(12, 38)} open and proprietary models and find that`, `Testing ${rng.int(12, 38)} open and proprietary models shows that`, `An evaluation of ${rng.int(12, 38)} models reveals that`])} even the strongest reaches only ${rng.int(31, 64)}% on ${task.metric}, with failures concentrated in cases that require ${rng.pick(['combining several pieces of evidence', 'long-range planning', 'precise numerical reasoning', 'recognising when no answer exists', 'following implicit constraints'])}.`,
        rng.pick([
          'The data, the evaluation harness and a leaderboard are public.',
          'We release everything needed to reproduce the results.',
          `${name} is available under an open licence.`,
        ]),
      ].join(' ');
    }
    case 'analysis':
      return [
        opening,
        `${method.title} is ${rng.pick(['widely used', 'a popular choice', 'often reported to help'])} for ${task.name}, but ${rng.pick(['it is unclear where its gains come from', 'its benefits have not been measured under equal budgets', 'results in the literature disagree'])}.`,
        `We ${rng.pick(['run a controlled study', 'revisit it systematically', 'replicate the main results'])} across ${rng.int(4, 12)} models from ${rng.pick(['1B to 70B', '0.5B to 32B', '7B to 405B', '100M to 8B'])} parameters ${setting}.`,
        `We find that ${rng.pick([`most of the reported improvement disappears once baselines are tuned with the same budget, and the remaining ${rng.decimal(0.5, 3.5)} points come from ${rng.pick(['better data filtering', 'longer training', 'the prompt template', 'a change in evaluation protocol'])}`, `the method helps only for the ${rng.pick(['smallest', 'largest'])} models and hurts calibration elsewhere`, `its benefit grows with task difficulty and vanishes on easy inputs`])}.`,
        rng.pick([
          'We give practical recommendations for reporting results.',
          'We release our evaluation code to make such comparisons routine.',
          'These findings call for stronger baselines in future work.',
        ]),
      ].join(' ');
    case 'theory':
      return [
        `We study ${method.title.toLowerCase()} from a statistical learning perspective, ${rng.pick(['motivated by its use in', 'with applications to', 'focusing on'])} ${task.name}.`,
        `Under ${rng.pick(['a smoothness assumption on the loss', 'sub-Gaussian noise', 'a low-rank structure of the data', 'bounded gradient variance'])}, we prove a bound of order ${rng.pick(['O(1/√n)', 'O(d/n)', 'O(log n / n)', 'O(n^{-2/3})'])} on the excess risk, ${rng.pick(['improving the best previous rate', 'matching a lower bound up to constants', 'which is tight in the dimension'])}.`,
        `Our analysis relies on ${rng.pick(['a new uniform stability argument', 'a decomposition of the error into bias and drift terms', 'tools from optimal transport', 'a refined martingale concentration inequality'])}.`,
        `Experiments on synthetic data and on ${rng.pick(task.datasets)} match the predicted scaling.`,
      ].join(' ');
    default: {
      const sentences = [opening];
      if (rng.chance(0.4))
        sentences.push(
          rng.pick([
            `We focus on ${domain}, where ${issue}.`,
            `Our target setting is ${domain} ${setting}.`,
            `This matters for ${domain}, where ${issue}.`,
          ]),
        );
      sentences.push(
        `We propose ${name}, which ${methodPhrase(rng, method, area)}${rng.chance(0.5) ? `, and study it ${setting}` : ''}.`,
        fill(rng.pick(MECHANISMS), vars),
        resultSentence(rng, task, name),
      );
      if (rng.chance(0.35))
        sentences.push(
          `On a new set of ${thousands(rng.int(2, 40) * 50)} examples from ${domain}, the gap to the baseline widens further.`,
        );
      if (rng.chance(0.6)) sentences.push(fill(rng.pick(CLOSINGS), vars));
      return sentences.join(' ');
    }
  }
}

function makeAuthors(rng: Rng): string[] {
  const n = rng.pick([1, 2, 3, 3, 4, 4, 4, 5, 5, 6, 7, 9, 12]);
  const out: string[] = [];
  while (out.length < n) {
    const a = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    if (!out.includes(a)) out.push(a);
  }
  return out;
}

/** Cross-list probabilities into the other three of our categories (and beyond), by primary category. */
const CROSS_ODDS: Record<string, Partial<Record<string, number>>> = {
  'cs.AI': { 'cs.LG': 0.2, 'cs.CL': 0.3, 'cs.CV': 0.05, 'cs.MA': 0.1, 'cs.HC': 0.05 },
  'cs.CL': { 'cs.AI': 0.35, 'cs.LG': 0.15, 'cs.CV': 0.05, 'cs.IR': 0.05 },
  'cs.CV': { 'cs.AI': 0.15, 'cs.LG': 0.15, 'cs.CL': 0.05, 'eess.IV': 0.1, 'cs.GR': 0.05 },
  'cs.LG': { 'cs.AI': 0.25, 'stat.ML': 0.3, 'cs.CL': 0.1, 'cs.CV': 0.1 },
  'cs.RO': { 'cs.AI': 0.6, 'cs.LG': 0.5, 'cs.CV': 0.4 },
  'cs.IR': { 'cs.CL': 0.6, 'cs.LG': 0.5, 'cs.AI': 0.3 },
  'stat.ML': { 'cs.LG': 1, 'cs.AI': 0.15 },
  'eess.AS': { 'cs.CL': 0.7, 'cs.LG': 0.4, 'cs.SD': 0.8 },
  'cs.CR': { 'cs.AI': 0.6, 'cs.LG': 0.5, 'cs.CL': 0.3 },
  'eess.IV': { 'cs.CV': 1, 'cs.LG': 0.3 },
};

function crossLists(rng: Rng, primary: string): string[] {
  const odds = CROSS_ODDS[primary] ?? {};
  const out = [primary];
  for (const cat of Object.keys(odds).sort()) if (rng.chance(odds[cat] ?? 0)) out.push(cat);
  // A paper of another archive is only in this day's listings if it is cross-listed into one of our four.
  if (!out.some((c, i) => i > 0 && (ARXIV_CATEGORIES as readonly string[]).includes(c))) {
    const ours = Object.keys(odds).filter((c) => (ARXIV_CATEGORIES as readonly string[]).includes(c));
    if (!(ARXIV_CATEGORIES as readonly string[]).includes(primary)) out.push(rng.pick(ours.length ? ours : ['cs.LG']));
  }
  return out;
}

/** Fixed papers the day's news refers to; the rest is generated around them. */
const FIXED_PAPERS: Paper[] = [
  {
    id: '2512.07112',
    version: 1,
    title: 'StreamWorld: Real-Time Interactive World Models with Causal Video Diffusion',
    abstract:
      'Interactive world models generate video that responds to user actions, but current systems either run far below real time or drift after a few seconds of play. We present StreamWorld, an autoregressive video diffusion model that denoises frames causally and reuses a rolling key-value cache, so each new frame costs a constant amount of compute. A distillation stage reduces sampling to four steps per frame, and an action encoder conditions generation on keyboard and mouse input. On a single GPU StreamWorld generates 640x360 video at 24 frames per second with 60 ms of input latency, and it keeps scenes consistent for over five minutes of continuous interaction in game and driving environments. In a user study, players preferred StreamWorld to the strongest open baseline in 78% of sessions. We release code and model weights.',
    authors: ['Haoran Liu', 'Mei Zhang', 'Kai Nakamura', 'Sara Lindqvist', 'Omar Haddad', 'Jun Wang'],
    categories: ['cs.CV', 'cs.AI', 'cs.LG'],
    license: 'http://creativecommons.org/licenses/by/4.0/',
    replaced: false,
    story: 'streamworld',
    hf: 'StreamWorld generates controllable video worlds at 24 frames per second on one GPU using causal video diffusion with a rolling KV cache.',
    edge: 'new paper, listed in three category feeds, on Hugging Face, and reported in Chinese by 量子位',
  },
  {
    id: '2512.06581',
    version: 1,
    title: 'Counting Letters Is Hard: How Tokenization Shapes Character-Level Errors in Language Models',
    abstract:
      'Large language models often fail at questions such as how many times a letter occurs in a word. We trace these failures to tokenization: across nine model families, the error rate on character-counting and spelling tasks rises with the number of characters per token and falls to near zero when words are split into single characters. Probing shows that character identity is linearly decodable from token embeddings only for frequent tokens. A short fine-tuning stage on spelled-out words reduces counting errors by 71% without hurting other benchmarks. Our results explain a well-known failure and suggest cheap fixes.',
    authors: ['Lena Fischer', 'Arjun Iyer', 'Tomás Alvarez'],
    categories: ['cs.CL', 'cs.AI'],
    license: 'http://arxiv.org/licenses/nonexclusive-distrib/1.0/',
    replaced: false,
    edge: 'new paper that Hacker News links with the same URL',
  },
  {
    id: '2510.21473',
    version: 2,
    title: 'AgentWork: Measuring Whether AI Agents Can Complete Paid Freelance Projects End to End',
    abstract:
      'Benchmarks for AI agents mostly test short, self-contained tasks. We introduce AgentWork, a benchmark of 320 real freelance projects in design, writing, data analysis, software and video, each with the original brief, input files and the deliverable a client accepted and paid for. Agents are judged by professional reviewers on whether their deliverable would be accepted. In this version we add six recent agents and 80 projects. The best agent completes 4.1% of projects to an acceptable standard (2.6% in the previous version), and failures are dominated by incomplete deliverables and ignored requirements rather than by low quality. We release the projects, the evaluation protocol and all agent outputs.',
    authors: ['Nadia Rahman', 'Felix Becker', 'Yuki Sato', 'Marco Bianchi', 'Ruth Cohen', 'Ethan Brooks', 'Chen Li'],
    categories: ['cs.AI', 'cs.CL', 'cs.LG'],
    license: 'http://creativecommons.org/licenses/by/4.0/',
    replaced: true,
    story: 'agentwork',
    edge: 'a replaced (v2) paper that news outlets report today: must be kept',
  },
];

interface PoolSize {
  newByPrimary: Record<string, number>;
  replacedByPrimary: Record<string, number>;
}

const POOL: PoolSize = {
  newByPrimary: {
    'cs.AI': 32,
    'cs.CL': 36,
    'cs.CV': 44,
    'cs.LG': 40,
    'cs.RO': 6,
    'cs.IR': 4,
    'stat.ML': 6,
    'eess.AS': 3,
    'cs.CR': 4,
    'eess.IV': 3,
  },
  replacedByPrimary: { 'cs.AI': 15, 'cs.CL': 16, 'cs.CV': 18, 'cs.LG': 17, 'cs.RO': 2, 'stat.ML': 3, 'cs.CR': 2, 'eess.IV': 2 },
};

function generatePapers(rng: Rng): Paper[] {
  const nextName = makeNamer(rng);
  const usedPairs = new Set<string>();
  const papers: Paper[] = [...FIXED_PAPERS];
  const usedIds = new Set(papers.map((p) => p.id));
  const newId = () => {
    for (;;) {
      const id = `2512.0${rng.int(6010, 7990)}`;
      if (!usedIds.has(id)) return (usedIds.add(id), id);
    }
  };
  const oldId = () => {
    for (;;) {
      const month = rng.pick(['2507', '2508', '2509', '2510', '2510', '2511', '2511', '2511']);
      const id = `${month}.${String(rng.int(100, 26999)).padStart(5, '0')}`;
      if (!usedIds.has(id)) return (usedIds.add(id), id);
    }
  };
  const make = (primary: string, replaced: boolean): Paper => {
    const area = (ARXIV_CATEGORIES as readonly string[]).includes(primary) ? (primary as ArxivCategory) : 'other';
    const tasks = area === 'other' ? OTHER_TASKS[primary as OtherPrimary] : TASKS[area];
    let task: Task;
    let method: Method;
    // No two papers of the day share task and method: near-identical titles would be one story to any reader.
    const roll = rng.next();
    const kind: PaperKind = roll < 0.12 ? 'benchmark' : roll < 0.22 ? 'analysis' : roll < 0.27 && area === 'cs.LG' ? 'theory' : 'method';
    // Analysis and theory papers study a known technique; method papers name their own.
    const known = METHODS.filter((m) => m.areas.includes(area));
    const own = (): Method => {
      const noun = rng.pick(TECHNIQUE_NOUNS[area]);
      // No “Token-Level Tokenization”: the modifier must not repeat the noun's stem.
      const modifier = rng.pick(TECHNIQUE_MODIFIERS.filter((m) => !noun.toLowerCase().includes(m.slice(0, 5).toLowerCase())));
      return { title: `${modifier} ${noun}`, how: '', areas: [area] };
    };
    do {
      task = rng.pick(tasks);
      method = kind === 'analysis' || kind === 'theory' ? rng.pick(known) : own();
    } while (usedPairs.has(`${task.name}|${method.title}`));
    usedPairs.add(`${task.name}|${method.title}`);
    const name = nextName(kind === 'benchmark');
    const domain = rng.pick(TASK_DOMAINS[task.name] ?? (area === 'other' ? OTHER_DOMAINS[primary as OtherPrimary] : DOMAINS[area]));
    return {
      id: replaced ? oldId() : newId(),
      version: replaced ? rng.pick([2, 2, 2, 3, 3, 4]) : 1,
      title: makeTitle(rng, kind, name, task, method, area, domain),
      abstract: makeAbstract(rng, kind, name, task, method, domain, area),
      authors: makeAuthors(rng),
      categories: crossLists(rng, primary),
      license: rng.pick(LICENSES),
      replaced,
    };
  };
  for (const [primary, n] of Object.entries(POOL.newByPrimary)) for (let i = 0; i < n; i++) papers.push(make(primary, false));
  for (const [primary, n] of Object.entries(POOL.replacedByPrimary)) for (let i = 0; i < n; i++) papers.push(make(primary, true));
  return papers;
}

/** The announcement of a paper in one category's listing, or null when the paper is not in it. */
function announceTypeIn(p: Paper, cat: ArxivCategory): AnnounceType | null {
  const idx = p.categories.indexOf(cat);
  if (idx < 0) return null;
  if (p.replaced) return idx === 0 ? 'replace' : 'replace-cross';
  return idx === 0 ? 'new' : 'cross';
}

const ANNOUNCE_ORDER: AnnounceType[] = ['new', 'cross', 'replace', 'replace-cross'];

/** One category's listing as arXiv orders it: new, cross, replace, replace-cross; by id within each. */
function listing(papers: Paper[], cat: ArxivCategory): { paper: Paper; type: AnnounceType }[] {
  const rows = papers.flatMap((p) => {
    const type = announceTypeIn(p, cat);
    return type ? [{ paper: p, type }] : [];
  });
  return rows.sort(
    (a, b) =>
      ANNOUNCE_ORDER.indexOf(a.type) - ANNOUNCE_ORDER.indexOf(b.type) || (a.paper.id < b.paper.id ? -1 : a.paper.id > b.paper.id ? 1 : 0),
  );
}

/** Hugging Face daily papers: StreamWorld and fourteen other new papers of the day. */
function pickHfPapers(rng: Rng, papers: Paper[]): void {
  const candidates = papers.filter(
    (p) => !p.replaced && !p.hf && p.id !== '2512.06581' && (ARXIV_CATEGORIES as readonly string[]).includes(p.categories[0]!),
  );
  for (const p of rng.sample(candidates, 14)) {
    const first =
      p.abstract.split('. ').find((s) => s.startsWith('We propose') || s.startsWith('We introduce') || s.startsWith('We run')) ?? p.title;
    p.hf = first.endsWith('.') ? first : `${first}.`;
  }
}

const arxivUrl = (id: string) => `https://arxiv.org/abs/${id}`;
const hfUrl = (id: string) => `https://huggingface.co/papers/${id}`;

// ---------------------------------------------------------------------------------------------------------------
// Renderers: one per feed format, each imitating the software that really produces such a feed.

/** WordPress writes typographic quotes and ampersands in titles as numeric references. */
function wpText(s: string): string {
  return esc(s)
    .replace(/&amp;/g, '&#038;')
    .replace(/’/g, '&#8217;')
    .replace(/‘/g, '&#8216;')
    .replace(/“/g, '&#8220;')
    .replace(/”/g, '&#8221;');
}

/** The channel's build time: the last minute before the cut-off, when the day was recorded. */
const BUILD_TIME = '2025-12-09T22:44:10.000Z';

const ARXIV_PUBDATE = 'Tue, 09 Dec 2025 00:00:00 -0500';

function renderArxiv(cat: ArxivCategory, rows: { paper: Paper; type: AnnounceType }[]): string {
  const items = rows.map(({ paper: p, type }) => arxivRssItem(p, type, ARXIV_PUBDATE, esc));
  return arxivRssDocument(cat, { lastBuildDate: 'Tue, 09 Dec 2025 05:00:09 +0000', pubDate: ARXIV_PUBDATE }, items);
}

interface HfRow {
  paper: Paper;
  at: string;
}

/** rfeed writes the whole document on one line after the prolog. */
function renderHf(rows: HfRow[]): string {
  const items = rows.map(
    ({ paper: p, at }) =>
      `<item><title>${esc(p.title)}</title><link>${hfUrl(p.id)}</link><description>${esc(`${p.hf ?? ''} ${p.abstract}`)}</description><pubDate>${rfc822(at, 0, 'GMT')}</pubDate><guid isPermaLink="true">${hfUrl(p.id)}</guid></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Hugging Face Papers</title><link>https://huggingface.co/</link><description>Daily papers featured on Hugging Face, scraped into RSS.</description><generator>rfeed v1.1.1</generator><docs>https://github.com/svpino/rfeed/blob/master/README.md</docs>${items.join('')}</channel></rss>
`;
}

interface WordPressChannel {
  title: string;
  link: string;
  self: string;
  description: string;
  language: string;
  /** Minutes east of UTC for pubDate (qbitai: +480). */
  offset: number;
  guidBase: string;
  firstPostId: number;
  /** Carry content:encoded on every item (TechCrunch) or only where a body exists. */
  alwaysContent: boolean;
}

function renderWordPress(ch: WordPressChannel, items: News[]): string {
  const body = items.map((n, i) => {
    const content = ch.alwaysContent || n.body ? `<p>${esc(n.summary)}</p>${n.body ? `<p>${esc(n.body)}</p>` : ''}` : '';
    return [
      '\t<item>',
      `\t\t<title>${wpText(n.title)}</title>`,
      `\t\t<link>${esc(n.link ?? n.url)}</link>`,
      `\t\t<dc:creator>${cdata(n.by ?? ch.title)}</dc:creator>`,
      `\t\t<pubDate>${rfc822(utc(n.at), ch.offset)}</pubDate>`,
      ...(n.tags ?? []).map((t) => `\t\t\t\t<category>${cdata(t)}</category>`),
      `\t\t<guid isPermaLink="false">${ch.guidBase}${ch.firstPostId - i * 7}</guid>`,
      '',
      `\t\t\t\t\t<description>${cdata(n.summary)}</description>`,
      ...(content ? [`\t\t\t\t\t\t\t\t\t\t<content:encoded>${cdata(content)}</content:encoded>`] : []),
      '\t\t',
      '\t\t',
      '\t\t\t</item>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:atom="http://www.w3.org/2005/Atom"
\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"
\t>

<channel>
\t<title>${esc(ch.title)}</title>
\t<atom:link href="${ch.self}" rel="self" type="application/rss+xml" />
\t<link>${ch.link}</link>
\t<description>${esc(ch.description)}</description>
\t<lastBuildDate>${rfc822(BUILD_TIME, ch.offset)}</lastBuildDate>
\t<language>${ch.language}</language>
\t<sy:updatePeriod>
\thourly\t</sy:updatePeriod>
\t<sy:updateFrequency>
\t1\t</sy:updateFrequency>
\t<generator>https://wordpress.org/?v=6.8.3</generator>
${body.join('\n')}
\t</channel>
</rss>
`;
}

/** openai.com/news/rss.xml (rss for Node, CDATA everywhere) and the DeepMind blog share this shape. */
function renderPlainRss(feed: FeedSpec, items: News[]): string {
  const openai = feed.id === 'openai-news';
  const title = openai ? 'OpenAI News' : 'Google DeepMind News';
  const link = openai ? 'https://openai.com/news/' : 'https://deepmind.google/discover/blog/';
  const description = openai ? 'The OpenAI blog' : 'Research and updates from Google DeepMind';
  const body = items.map((n) =>
    [
      '<item>',
      `<title>${cdata(n.title)}</title>`,
      `<description>${cdata(n.summary)}</description>`,
      `<link>${n.url}</link>`,
      `<guid isPermaLink="${openai ? 'true' : 'false'}">${n.url}</guid>`,
      ...(n.tags ?? []).map((t) => `<category>${cdata(t)}</category>`),
      `<pubDate>${openai ? rfc822(utc(n.at), 0, 'GMT') : rfc822(utc(n.at))}</pubDate>`,
      '</item>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel><title>${cdata(title)}</title><description>${cdata(description)}</description><link>${link}</link><generator>RSS for Node</generator><lastBuildDate>${rfc822(BUILD_TIME, 0, 'GMT')}</lastBuildDate><atom:link href="${feed.url}" rel="self" type="application/rss+xml"/><language>${cdata('en-US')}</language>
${body.join('\n')}
</channel></rss>
`;
}

/** python-feedgen output of a page scraper: oldest post first, dates at midnight, the title repeated as description. */
function renderScraperRss(feed: FeedSpec, items: News[]): string {
  const body = items.map((n) =>
    [
      '    <item>',
      `      <title>${esc(n.title)}</title>`,
      `      <link>${n.url}</link>`,
      `      <description>${esc(n.summary)}</description>`,
      `      <guid isPermaLink="false">${n.url}</guid>`,
      '      <category>Announcements</category>',
      `      <pubDate>${rfc822(utc(n.at))}</pubDate>`,
      '    </item>',
    ].join('\n'),
  );
  return `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
  <channel>
    <title>Anthropic News</title>
    <link>https://www.anthropic.com/news</link>
    <description>Latest updates from Anthropic's newsroom</description>
    <atom:link href="${feed.url}" rel="self"/>
    <docs>http://www.rssboard.org/rss-specification</docs>
    <generator>python-feedgen</generator>
    <language>en</language>
    <lastBuildDate>${rfc822(BUILD_TIME)}</lastBuildDate>
${body.join('\n')}
  </channel>
</rss>
`;
}

const VERGE_OFFSET = -300;

function renderAtom(feed: FeedSpec, items: News[]): string {
  const entries = items.map((n) => {
    const postId = /\/(\d{6})\//.exec(n.url)?.[1] ?? '0';
    const t = isoLocal(utc(n.at), VERGE_OFFSET);
    return [
      '\t<entry>',
      '\t\t<author>',
      `\t\t\t<name>${esc(n.by ?? 'The Verge')}</name>`,
      '\t\t</author>',
      `\t\t<title type="html">${cdata(n.title)}</title>`,
      `\t\t<link rel="alternate" type="text/html" href="${esc(n.url)}" />`,
      `\t\t<id>https://www.theverge.com/?p=${postId}</id>`,
      `\t\t<updated>${t}</updated>`,
      `\t\t<published>${t}</published>`,
      '\t\t<category scheme="https://www.theverge.com" term="AI" />',
      `\t\t<summary type="html">${cdata(n.summary)}</summary>`,
      `\t\t<content type="html">${cdata(`<p>${esc(n.summary)}</p>${n.body ? `<p>${esc(n.body)}</p>` : ''}`)}</content>`,
      '\t</entry>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US">
\t<title type="text">AI | The Verge</title>
\t<subtitle type="text">News and analysis on artificial intelligence from The Verge.</subtitle>
\t<icon>https://platform.theverge.com/wp-content/uploads/sites/2/2025/01/verge-rss-large_80b47e.png?w=150&amp;h=150&amp;crop=1</icon>
\t<updated>${isoLocal(BUILD_TIME, VERGE_OFFSET)}</updated>
\t<id>${feed.url}</id>
\t<link type="text/html" href="https://www.theverge.com/ai-artificial-intelligence" rel="alternate"/>
\t<link type="application/atom+xml" href="${feed.url}" rel="self"/>
${entries.join('\n')}
</feed>
`;
}

function renderRdf(feed: FeedSpec, items: News[]): string {
  const entries = items.map((n) => {
    const doi = `10.1038/${n.url.slice(n.url.lastIndexOf('/') + 1)}`;
    const day = utc(n.at).slice(0, 10);
    const printed = `${Number(day.slice(8, 10))} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
    return [
      `<item rdf:about="${n.url}">`,
      `<title>${cdata(n.title)}</title>`,
      `<link>${n.url}</link>`,
      `<content:encoded>${cdata(`<p>Nature Machine Intelligence, Published online: ${printed}; <a href="${n.url}">doi:${doi}</a></p>${esc(n.summary)}`)}</content:encoded>`,
      ...(n.by ?? '').split(', ').map((a) => `<dc:creator>${esc(a)}</dc:creator>`),
      `<dc:identifier>doi:${doi}</dc:identifier>`,
      `<dc:source>Nature Machine Intelligence, Published online: ${day}; | doi:${doi}</dc:source>`,
      `<dc:date>${day}</dc:date>`,
      '<prism:publicationName>Nature Machine Intelligence</prism:publicationName>',
      `<prism:doi>${doi}</prism:doi>`,
      `<prism:url>${n.url}</prism:url>`,
      '</item>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns="http://purl.org/rss/1.0/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="${feed.url}">
<title>Nature Machine Intelligence</title>
<link>https://www.nature.com/natmachintell/</link>
<description>Nature Machine Intelligence: research, reviews and comment on machine learning, robotics and AI.</description>
<dc:publisher>Nature Publishing Group</dc:publisher>
<dc:language>en</dc:language>
<items>
<rdf:Seq>
${items.map((n) => `<rdf:li rdf:resource="${n.url}"/>`).join('\n')}
</rdf:Seq>
</items>
</channel>
${entries.join('\n')}
</rdf:RDF>
`;
}

const ITHOME_BYLINES = ['陳宜君', '張立群', '黃佳琪', '李家豪', '吳思賢', '林欣怡'];

function renderDrupal(items: News[]): string {
  const body = items.map((n, i) => {
    const nid = n.url.slice(n.url.lastIndexOf('/') + 1);
    return [
      '  <item>',
      `    <title>${esc(n.title)}</title>`,
      `    <link>${n.url}</link>`,
      `    <description>${esc(`<p>${n.summary}</p>`)}</description>`,
      `     <pubDate>${rfc822(utc(n.at), 480)}</pubDate>`,
      ` <dc:creator>${ITHOME_BYLINES[i % ITHOME_BYLINES.length]}</dc:creator>`,
      ` <guid isPermaLink="false">${nid} at https://www.ithome.com.tw</guid>`,
      '  </item>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xml:base="https://www.ithome.com.tw/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>iThome</title>
    <link>https://www.ithome.com.tw/</link>
    <description>iThome 臺灣IT新聞</description>
    <language>zh-hant</language>
${body.join('\n')}
  </channel>
</rss>
`;
}

function renderHn(feed: FeedSpec, items: News[]): string {
  const body = items.map((n) => {
    const hn = n.hn;
    if (!hn) throw new Error(`Hacker News item without hn metadata: ${n.url}`);
    const comments = `${HN_ITEM}${hn.id}`;
    const link = n.link ?? n.url;
    const html = [
      ...(hn.text ? [`<p>${esc(hn.text)}</p>`, '<hr>'] : []),
      `<p>Article URL: <a href="${esc(link)}">${esc(link)}</a></p>`,
      `<p>Comments URL: <a href="${comments}">${comments}</a></p>`,
      `<p>Points: ${hn.points}</p>`,
      `<p># Comments: ${hn.comments}</p>`,
    ].join('\n');
    return `<item><title>${cdata(n.title)}</title><description>${cdata(`\n${html}\n`)}</description><pubDate>${rfc822(utc(n.at))}</pubDate><link>${esc(link)}</link><dc:creator>${hn.by}</dc:creator><comments>${comments}</comments><guid isPermaLink="false">${comments}</guid></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Hacker News: Front Page</title><link>https://news.ycombinator.com/</link><description>Hacker News RSS</description><docs>https://hnrss.org/</docs><generator>hnrss v2.1.1</generator><lastBuildDate>${rfc822(BUILD_TIME)}</lastBuildDate><atom:link href="${feed.url}" rel="self" type="application/rss+xml"></atom:link>${body.join('')}</channel></rss>
`;
}

// ---------------------------------------------------------------------------------------------------------------
// The day: every feed item as a record, in feed order, so that labels follow the collector's rules exactly
// (window [start, end), a URL kept once, from the first feed that lists it).

interface ItemRecord {
  feed: string;
  url: string;
  title: string;
  at: string;
  ai: boolean;
  /** Story id: a STORIES key, `paper:<arXiv id>`, or the URL itself for a one-article story. */
  story: string;
  primary: boolean;
  /** arXiv id and announcement, for arXiv listing items. */
  arxiv?: { id: string; type: AnnounceType; replaced: boolean };
  edge?: string;
}

interface Day {
  papers: Paper[];
  listings: Record<ArxivCategory, { paper: Paper; type: AnnounceType }[]>;
  hfRows: HfRow[];
  news: Record<string, News[]>;
  records: ItemRecord[];
}

/** News of one feed, newest first, as feeds list them (Anthropic's scraper and Hacker News keep their own order). */
function newsOf(feed: string, items: Omit<News, 'feed'>[], order: 'newest-first' | 'as-given'): News[] {
  const list = items.map((n): News => ({ ...n, feed }));
  if (order === 'newest-first') list.sort((a, b) => (utc(a.at) < utc(b.at) ? 1 : utc(a.at) > utc(b.at) ? -1 : 0));
  return list;
}

function buildDay(): Day {
  const rng = new Rng(SEED);
  const papers = generatePapers(rng);
  pickHfPapers(rng, papers);
  const listings = Object.fromEntries(ARXIV_CATEGORIES.map((c) => [c, listing(papers, c)])) as Day['listings'];
  // The day is specified with 60–120 items per category feed; a change of vocabulary shifts the draws, so check.
  for (const c of ARXIV_CATEGORIES) {
    const n = listings[c].length;
    if (n < 60 || n > 120) throw new Error(`arXiv ${c} has ${n} items, outside 60–120: adjust POOL or CROSS_ODDS`);
  }
  // HF lists papers through the morning as authors submit them; newest first, like the real feed.
  const hfRows = papers
    .filter((p) => p.hf)
    .map((p) => ({ paper: p, at: `2025-12-09T${pad(rng.int(5, 15))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}.000Z` }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const news: Record<string, News[]> = {
    'openai-news': newsOf('openai-news', OPENAI, 'newest-first'),
    'anthropic-news': newsOf('anthropic-news', ANTHROPIC, 'as-given'),
    'deepmind-blog': newsOf('deepmind-blog', DEEPMIND, 'newest-first'),
    'nature-machine-intelligence': newsOf('nature-machine-intelligence', NATURE_MI, 'as-given'),
    techcrunch: newsOf('techcrunch', TECHCRUNCH, 'newest-first'),
    'the-verge-ai': newsOf('the-verge-ai', VERGE, 'newest-first'),
    'venturebeat-ai': newsOf('venturebeat-ai', VENTUREBEAT, 'newest-first'),
    'mit-tech-review-ai': newsOf('mit-tech-review-ai', MIT_TECH_REVIEW, 'newest-first'),
    'ithome-tw': newsOf('ithome-tw', ITHOME_TW, 'newest-first'),
    qbitai: newsOf('qbitai', QBITAI, 'newest-first'),
    'hacker-news': newsOf('hacker-news', HACKER_NEWS, 'as-given'),
  };
  const paperStory = (p: Paper) => p.story ?? `paper:${p.id}`;
  const records: ItemRecord[] = [];
  for (const feed of FEEDS) {
    const cat = ARXIV_CATEGORIES.find((c) => arxivFeedId(c) === feed.id);
    if (cat) {
      for (const { paper: p, type } of listings[cat]) {
        records.push({
          feed: feed.id,
          url: arxivUrl(p.id),
          title: p.title,
          at: '2025-12-09T05:00:00.000Z',
          ai: true,
          story: paperStory(p),
          primary: false,
          arxiv: { id: p.id, type, replaced: p.replaced },
          ...(p.edge ? { edge: p.edge } : {}),
        });
      }
    } else if (feed.id === 'huggingface-papers') {
      for (const { paper: p, at } of hfRows)
        records.push({ feed: feed.id, url: hfUrl(p.id), title: p.title, at, ai: true, story: paperStory(p), primary: false });
    } else {
      for (const n of news[feed.id] ?? []) {
        const story = n.story ?? (n.paper ? `paper:${n.paper}` : n.url);
        records.push({
          feed: feed.id,
          url: n.url,
          title: n.title,
          at: utc(n.at),
          ai: n.ai,
          story,
          primary: feed.primary === true,
          ...(n.edge ? { edge: n.edge } : {}),
        });
      }
    }
  }
  return { papers, listings, hfRows, news, records };
}

/** What the collector keeps: in-window records, the first of each URL. */
function collected(records: ItemRecord[]): ItemRecord[] {
  const seen = new Set<string>();
  const out: ItemRecord[] = [];
  for (const r of records) {
    if (!inWindow(r.at) || seen.has(r.url)) continue;
    seen.add(r.url);
    out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels and clusters, from the records.

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface StoryGroup {
  id: string;
  label: string;
  urls: string[];
  feeds: string[];
  ai: boolean;
}

function storyGroups(day: Day): StoryGroup[] {
  const kept = collected(day.records);
  const groups = new Map<string, StoryGroup>();
  for (const r of kept) {
    let g = groups.get(r.story);
    if (!g) {
      const paper = r.story.startsWith('paper:') ? day.papers.find((p) => `paper:${p.id}` === r.story) : undefined;
      const label = r.story in STORIES ? STORIES[r.story as StoryKey].label : (paper?.title ?? r.title);
      g = { id: r.story, label, urls: [], feeds: [], ai: r.ai };
      groups.set(r.story, g);
    }
    g.urls.push(r.url);
    if (!g.feeds.includes(r.feed)) g.feeds.push(r.feed);
    if (g.ai !== r.ai) throw new Error(`story ${r.story} mixes AI and non-AI articles`);
  }
  // Named stories first (in STORIES order), then papers with more than one article, then the rest by URL.
  const keys = Object.keys(STORIES);
  const rank = (g: StoryGroup) => (keys.includes(g.id) ? keys.indexOf(g.id) : g.urls.length > 1 ? 1000 : 2000);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || byString(a.id, b.id));
}

function buildLabels(day: Day, groups: StoryGroup[]) {
  const kept = collected(day.records);
  for (const key of Object.keys(STORIES) as StoryKey[]) {
    const g = groups.find((x) => x.id === key);
    if (!g || g.feeds.length < 2) throw new Error(`story ${key} is not told by two feeds in the window`);
  }
  // A paper on arXiv and Hugging Face only is a ranking signal, not a story the outlets chose to tell.
  const researchOnly = (g: StoryGroup) => g.feeds.every((f) => f === 'huggingface-papers' || f.startsWith('arxiv-'));
  const hasPrimary = (g: StoryGroup) => kept.some((r) => r.primary && r.story === g.id);
  const mustKeep = groups.filter((g) => g.ai && ((g.feeds.length > 1 && !researchOnly(g)) || hasPrimary(g)));
  const replacedIds = new Set(kept.filter((r) => r.arxiv?.replaced).map((r) => r.arxiv!.id));
  const reported = day.papers.filter((p) => replacedIds.has(p.id) && p.story);
  const arxivPapers: Record<string, string[]> = {};
  const arxivAnnouncements: Record<string, Record<string, AnnounceType>> = {};
  for (const p of [...day.papers].sort((a, b) => byString(a.id, b.id))) {
    arxivPapers[p.id] = [arxivUrl(p.id), ...(p.hf ? [hfUrl(p.id)] : [])];
    arxivAnnouncements[p.id] = Object.fromEntries(
      ARXIV_CATEGORIES.flatMap((c) => (announceTypeIn(p, c) ? [[arxivFeedId(c), announceTypeIn(p, c)!]] : [])),
    );
  }
  return {
    date: DATE,
    window: WINDOW,
    note: 'Hand labels of fixtures/2025-12-10, written by scripts/make-volume-day.ts from the same records as the feeds. URLs are canonical and collected (in the window, first feed wins). offTopic: every in-window article an editor would not call AI news. mustKeep: every AI story told by two or more feeds (an arXiv listing plus its Hugging Face page alone does not count) and every primary-source announcement. replacements: arXiv replace/replace-cross papers that nothing else reports (drop). replacementReported: replaced papers the news reports today (keep). hfPapers: papers also on Hugging Face daily papers (rank up). arxivPapers: every arXiv paper of the day and every URL it has; arxivAnnouncements: its announcement type in each category feed.',
    offTopic: kept
      .filter((r) => !r.ai)
      .map((r) => r.url)
      .sort(byString),
    mustKeep: mustKeep.map((g) => ({ story: g.label, urls: g.urls })),
    replacements: kept
      .filter((r) => r.arxiv?.replaced && !reported.some((p) => p.id === r.arxiv!.id))
      .map((r) => r.url)
      .sort(byString),
    replacementReported: reported.map((p) => arxivUrl(p.id)),
    hfPapers: day.papers
      .filter((p) => p.hf)
      .map((p) => arxivUrl(p.id))
      .sort(byString),
    arxivPapers,
    arxivAnnouncements,
  };
}

function buildClusters(groups: StoryGroup[]) {
  return {
    date: DATE,
    note: 'Stories of the in-window articles of fixtures/2025-12-10 (window 2025-12-08T22:45:00Z inclusive to 2025-12-09T22:45:00Z exclusive), written by scripts/make-volume-day.ts. Every collected article is in exactly one story; one-article stories are listed too. An arXiv paper listed in several category feeds has one URL and so one article; its Hugging Face page and the news about it join its story. URLs are canonical; copies that the collector drops (same URL in a later feed, utm parameters) are not listed.',
    stories: groups.map((g) => ({ label: g.label, urls: g.urls })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// feeds.yaml and README.md.

function renderFeedsYaml(): string {
  const lines = FEEDS.map((f) => {
    const fields = [
      `id: ${f.id}`,
      `name: ${/[:#&*!|>'"%@`]/.test(f.name) ? JSON.stringify(f.name) : f.name}`,
      `url: "${f.url}"`,
      `lang: ${f.lang}`,
    ];
    if (f.section) fields.push(`section: ${f.section}`);
    if (f.onTopic) fields.push('onTopic: true');
    if (f.primary) fields.push('primary: true');
    if (f.weight !== undefined) fields.push(`weight: ${f.weight}`);
    return `  - { ${fields.join(', ')} }`;
  });
  return `# Feeds of the recorded day 2025-12-10 (a high-volume day for the select stage).
# Written by scripts/make-volume-day.ts; edit the script and re-run it instead of editing this file.
# onTopic: every item is AI (arXiv, lab blogs, papers); primary: the publisher's own announcements; weight: ranking weight.
feeds:
${lines.join('\n')}
`;
}

function table(head: string[], rows: (string | number)[][]): string {
  // Count columns right-aligned, as in the other fixture READMEs.
  const align = head.map((_, i) => (rows.every((r) => typeof r[i] === 'number') ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function renderReadme(day: Day, labels: ReturnType<typeof buildLabels>, groups: StoryGroup[]): string {
  const kept = collected(day.records);
  const total = day.records.length;
  const inWin = day.records.filter((r) => inWindow(r.at));
  const feedRows = FEEDS.map((f) => {
    const rs = day.records.filter((r) => r.feed === f.id);
    const win = rs.filter((r) => inWindow(r.at));
    const keptHere = kept.filter((r) => r.feed === f.id);
    return [f.id, f.note, rs.length, win.length, keptHere.length, keptHere.filter((r) => !r.ai).length];
  });
  const arxivRows = ARXIV_CATEGORIES.map((c) => {
    const rows = day.listings[c];
    return [arxivFeedId(c), ...ANNOUNCE_ORDER.map((t) => rows.filter((r) => r.type === t).length), rows.length];
  });
  const papersIn = (n: number) => day.papers.filter((p) => ARXIV_CATEGORIES.filter((c) => p.categories.includes(c)).length === n).length;
  const multi = groups.filter((g) => g.urls.length > 1);
  const langOf = (feed: string) => feedById(feed).lang;
  const storyRows = multi.map((g) => [
    g.label,
    g.ai ? 'AI' : '**not AI**',
    g.urls.length,
    g.feeds.join(', '),
    g.feeds.some((f) => langOf(f) === 'zh') && g.feeds.some((f) => langOf(f) === 'en') ? 'yes' : '',
  ]);
  const edges = day.records.filter((r) => r.edge);
  const seenEdge = new Set<string>();
  const edgeLines = edges
    .filter((r) => (seenEdge.has(r.url + r.edge) ? false : (seenEdge.add(r.url + r.edge), true)))
    .map((r) => `- ${r.edge} — \`${r.feed}\`, ${r.at.slice(0, 19)}Z: ${r.url}`);
  const mustKeepUrls = labels.mustKeep.reduce((n, s) => n + s.urls.length, 0);
  return `# Fixture day 2025-12-10 (volume day for the select stage)

**Generated** by \`scripts/make-volume-day.ts\` (\`node bin/tsx-run.mjs scripts/make-volume-day.ts\`); do not edit by hand:
edit the script, re-run it, and commit the script and its output together. Re-running reproduces every file byte for
byte (\`tests/select/volume-day-fixture.test.ts\` checks it).

The digest of 2025-12-10 (Asia/Taipei), cut-off 06:45: the window is ${WINDOW.start} (inclusive)
to ${WINDOW.end} (exclusive). A day at real volume: ${total} feed items, ${kept.length} articles in the
window after the collector drops ${inWin.length - kept.length} copies of URLs already seen, for an editor to turn into
the 30–70 stories of a digest. Four arXiv category feeds in arXiv's current RSS format carry most of the volume, with cross-lists and
replacements; an all-topics tech feed and a Taiwanese IT feed mix AI with everything else; a Hacker News front page
brings links without text.

## Where the text comes from

Everything is written by us; nothing was fetched or copied. The big stories follow events of 8–9 December 2025 (the
Agentic AI Foundation, Nvidia's H200 exports, the EU probe of AI Overviews, Devstral 2, Accenture–Anthropic, OpenAI's
enterprise report, Google's glasses, Pew's teen survey, ...), but titles, summaries, numbers, times, bylines and most
URL slugs are ours and are not a record of what was published. The arXiv papers (except their id format), their
authors, the small companies (Tessellate, Foldwise, Quillbright, Pourtender, Arcadia Motors, Kestrel, ...) and the
Nature Machine Intelligence articles are invented. Titles and abstracts of generated papers come from per-category
vocabularies (tasks with their datasets and metrics, methods, result sentences) drawn with a seeded PRNG.

## Feeds

${table(['feed', 'what it is', 'items', 'in window', 'kept', 'not AI (kept)'], feedRows)}
| **all** | | **${total}** | **${inWin.length}** | **${kept.length}** | **${labels.offTopic.length}** |

"In window" counts a feed's items inside the window (the run report's \`inWindow\`); "kept" counts the articles the
collector keeps from that feed after dropping URLs that an earlier feed already gave. Formats: RSS 2.0 (WordPress,
Drupal, rss-for-node, python-feedgen, rfeed, hnrss, arXiv), Atom 1.0 (The Verge) and RSS 1.0 / RDF (Nature).

### arXiv listings

${table(['feed', 'new', 'cross', 'replace', 'replace-cross', 'items'], arxivRows)}

${day.papers.length} distinct papers (${day.papers.filter((p) => !p.replaced).length} new, ${day.papers.filter((p) => p.replaced).length} replaced), ${papersIn(1)} listed in one of the four feeds, ${papersIn(2)} in two, ${papersIn(3)} in three.
Every item is dated \`${ARXIV_PUBDATE}\` (arXiv's announcement date), so recency cannot rank
them. A paper listed in several feeds has one URL (\`https://arxiv.org/abs/<id>\`), so the collector keeps it once, from the first arXiv feed in
\`feeds.yaml\` (cs.AI, then cs.CL, cs.CV, cs.LG): a cs.CL paper cross-listed to cs.AI is kept as cs.AI's \`cross\` item.

## Labels (\`labels.json\`)

| label | count | meaning |
|---|---:|---|
| \`offTopic\` | ${labels.offTopic.length} | in-window articles an editor would not call AI news (drop) |
| \`mustKeep\` | ${labels.mustKeep.length} stories, ${mustKeepUrls} URLs | every AI story told by two or more feeds, and every primary-source announcement |
| \`replacements\` | ${labels.replacements.length} | arXiv \`replace\`/\`replace-cross\` papers nothing else reports (drop) |
| \`replacementReported\` | ${labels.replacementReported.length} | a replaced paper the news reports today (keep) |
| \`hfPapers\` | ${labels.hfPapers.length} | arXiv papers also on Hugging Face daily papers (rank up) |
| \`arxivPapers\` | ${Object.keys(labels.arxivPapers).length} | every paper of the day with all its URLs (arXiv, Hugging Face) |
| \`arxivAnnouncements\` | ${Object.keys(labels.arxivAnnouncements).length} | per paper, its announcement type in each category feed |

\`clusters.json\` lists all ${groups.length} stories of the ${kept.length} collected articles (every article in exactly one story,
one-article stories included), in the format of the other fixture days.

## Stories with more than one article

${table(['story', 'topic', '#', 'feeds', 'en + zh'], storyRows)}

## Cases the select stage must get right

${edgeLines.join('\n')}
`;
}

// ---------------------------------------------------------------------------------------------------------------
// Output.

function feedXml(day: Day, feed: FeedSpec): string {
  const cat = ARXIV_CATEGORIES.find((c) => arxivFeedId(c) === feed.id);
  if (cat) return renderArxiv(cat, day.listings[cat]);
  const items = day.news[feed.id] ?? [];
  switch (feed.format) {
    case 'hf-rss':
      return renderHf(day.hfRows);
    case 'plain-rss':
      return renderPlainRss(feed, items);
    case 'scraper-rss':
      return renderScraperRss(feed, items);
    case 'atom':
      return renderAtom(feed, items);
    case 'rdf':
      return renderRdf(feed, items);
    case 'drupal-rss':
      return renderDrupal(items);
    case 'hnrss':
      return renderHn(feed, items);
    case 'wordpress-rss':
      return renderWordPress(WORDPRESS_CHANNELS[feed.id] ?? fail(`no WordPress channel for ${feed.id}`), items);
    default:
      return fail(`no renderer for ${feed.id} (${feed.format})`);
  }
}

function fail(message: string): never {
  throw new Error(message);
}

const WORDPRESS_CHANNELS: Record<string, WordPressChannel> = {
  techcrunch: {
    title: 'TechCrunch',
    link: 'https://techcrunch.com/',
    self: 'https://techcrunch.com/feed/',
    description: 'Startup and Technology News',
    language: 'en-US',
    offset: 0,
    guidBase: 'https://techcrunch.com/?p=',
    firstPostId: 3074699,
    alwaysContent: true,
  },
  'venturebeat-ai': {
    title: 'AI News | VentureBeat',
    link: 'https://venturebeat.com/category/ai/',
    self: 'https://venturebeat.com/category/ai/feed/',
    description: 'Transformative tech coverage that matters',
    language: 'en-US',
    offset: 0,
    guidBase: 'https://venturebeat.com/?p=',
    firstPostId: 3015820,
    alwaysContent: false,
  },
  'mit-tech-review-ai': {
    title: 'Artificial intelligence – MIT Technology Review',
    link: 'https://www.technologyreview.com',
    self: 'https://www.technologyreview.com/topic/artificial-intelligence/feed',
    description: 'MIT Technology Review on artificial intelligence',
    language: 'en-US',
    offset: 0,
    guidBase: 'https://www.technologyreview.com/?p=',
    firstPostId: 1129060,
    alwaysContent: false,
  },
  qbitai: {
    title: '量子位',
    link: 'https://www.qbitai.com/',
    self: 'https://www.qbitai.com/feed',
    description: '追踪人工智能新趋势，关注科技行业新突破',
    language: 'zh-CN',
    offset: 480,
    guidBase: 'https://www.qbitai.com/?p=',
    firstPostId: 359874,
    alwaysContent: false,
  },
};

export function writeVolumeDay(outDir: string): { files: string[] } {
  const day = buildDay();
  const groups = storyGroups(day);
  const labels = buildLabels(day, groups);
  const files: Record<string, string> = {
    'feeds.yaml': renderFeedsYaml(),
    'labels.json': `${JSON.stringify(labels, null, 2)}\n`,
    'clusters.json': `${JSON.stringify(buildClusters(groups), null, 2)}\n`,
    'README.md': renderReadme(day, labels, groups),
  };
  for (const feed of FEEDS) files[`feeds/${feed.id}.xml`] = feedXml(day, feed);
  mkdirSync(path.join(outDir, 'feeds'), { recursive: true });
  // A feed dropped from FEEDS must not leave its old file behind to be replayed.
  for (const name of readdirSync(path.join(outDir, 'feeds'))) if (!(`feeds/${name}` in files)) rmSync(path.join(outDir, 'feeds', name));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(outDir, name), text);
  return { files: Object.keys(files).sort(byString) };
}

function main(argv: string[]): void {
  const i = argv.indexOf('--out');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const out = i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]!) : path.join(root, 'fixtures', DATE);
  const { files } = writeVolumeDay(out);
  process.stdout.write(`wrote ${files.length} files to ${out}\n`);
}

// Run as a script (bin/tsx-run.mjs sets argv[1] to this file); importing it only defines writeVolumeDay.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
