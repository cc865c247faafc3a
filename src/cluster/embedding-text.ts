// What clustering embeds of an article: its title and the start of its text (the part that says what the story is).

export function embeddingText(article: { title: string; text?: string }): string {
  return article.text ? `${article.title}\n${article.text.slice(0, 500)}` : article.title;
}
