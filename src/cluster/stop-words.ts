// Words that say nothing about which story an article tells. Kept short on purpose: IDF already discounts
// common words, and a long list would throw away words that are rare in news (e.g. "open", "source").

export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between
both but by can cannot could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just let me more most my myself no nor not now of off
on once only or other ought our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves also via vs amid among says said say new may
might must shall get gets got one two three us it's don't can't won't isn't that's what's here's there's
	`
    .split(/\s+/)
    .filter(Boolean),
);

/** Han characters that glue sentences together; a bigram containing one is rarely a content word. */
export const CJK_STOP_CHARS: ReadonlySet<string> = new Set([
  ...'的了是在和與及也都就而並於被把將這那個之其為對以及或但已於從到由讓向給該些此即更很還又再',
]);
