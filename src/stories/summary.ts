import type { Document, Story, StoryMember } from '../model/index.js';

/** The story a document starts. */
export function newStory(document: Document, member: StoryMember): Story {
  const story: Story = {
    id: `st-${document.id.slice(0, 12)}`,
    label: labelOf(document),
    representative: document.id,
    documents: 0,
    sources: 0,
    outlets: [],
    languages: [],
  };
  return addToStory(story, member);
}

/** The story with one more member: counts, outlets, languages, first and last report, and its earliest original. */
export function addToStory(story: Story, member: StoryMember): Story {
  const s: Story = { ...story, outlets: [...story.outlets], languages: [...story.languages] };
  s.documents++;
  if (!member.copyOf) s.sources++;
  if (member.outlet && !s.outlets.includes(member.outlet)) s.outlets.push(member.outlet);
  if (member.language && !s.languages.includes(member.language)) s.languages.push(member.language);
  if (member.day) {
    if (!s.firstReport || member.day < s.firstReport) {
      s.firstReport = member.day;
      if (!member.copyOf) s.representative = member.docId;
    }
    if (!s.lastReport || member.day > s.lastReport) s.lastReport = member.day;
  }
  return s;
}

/** A document's own date, or none when the date was only assumed. */
export function ownDay(document: Document): string | undefined {
  return document.date.source === 'assumed' ? undefined : document.date.day;
}

/** A story's label from one of its documents: its title, else its first sentence, shortened. */
export function labelOf(document: Pick<Document, 'title' | 'text'>): string {
  const source = document.title?.trim() || firstSentence(document.text);
  return shorten(source.replace(/\s+/g, ' ').trim(), 90);
}

function firstSentence(text: string): string {
  const m = /^[\s\S]{20,}?[.!?。！？](?=\s|$)/u.exec(text.trim());
  return m ? m[0] : text;
}

function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}

/** Two stories as one (a document that matches both shows they are one): the larger one's id and label. */
export function mergeStories(into: Story, from: Story): Story {
  const s: Story = {
    ...into,
    documents: into.documents + from.documents,
    sources: into.sources + from.sources,
    outlets: [...new Set([...into.outlets, ...from.outlets])],
    languages: [...new Set([...into.languages, ...from.languages])],
  };
  if (from.firstReport && (!s.firstReport || from.firstReport < s.firstReport)) {
    s.firstReport = from.firstReport;
    s.representative = from.representative;
  }
  if (from.lastReport && (!s.lastReport || from.lastReport > s.lastReport)) s.lastReport = from.lastReport;
  return s;
}
