// The footer at the end of the last section: article and topic counts, the window and the generation time of the
// digest's own day.

import type { Block, Violation } from '../digest-doc.js';

export function checkFooter(section: Block, date: string | undefined): Violation[] {
  const v: Violation[] = [];
  const footer = section.lines.find((l) => l.text.startsWith('*資料來源：'));
  if (!footer || !/^\*資料來源：\d+ 篇文章 \| 分析主題：\d+ 個\*/.test(footer.text))
    v.push({ line: section.line, message: 'footer line "*資料來源：N 篇文章 | 分析主題：M 個*" is missing' });
  const time = section.lines.find((l) => l.text.startsWith('*資料收集時間：'));
  const tm = time && /報告生成時間：(\d{4})\/(\d\d)\/(\d\d) \d\d:\d\d:\d\d CST\*$/.exec(time.text);
  if (!tm)
    v.push({
      line: footer?.line ?? section.line,
      message: 'footer line "*資料收集時間：… | 報告生成時間：YYYY/MM/DD HH:MM:SS CST*" is missing',
    });
  else if (date && `${tm[1]}-${tm[2]}-${tm[3]}` !== date)
    v.push({ line: time!.line, message: 'footer generation date differs from the front matter date' });
  return v;
}
