import type { AreaCode, Section } from '../domain/plan.js';
import { isHeadingLike, type CleanLine, type CleanText } from './clean-text.js';

/** One numbered item (goal, measure or key project) with the clean lines that make it up. */
export interface OutlineItem {
  section: Section;
  number: number;
  lines: CleanLine[];
  /** Area of a key project, when the project chapter is not inside an area. */
  area?: AreaCode | null;
}

export interface OutlineArea {
  code: AreaCode;
  name: string;
  goals: OutlineItem[];
  measures: OutlineItem[];
}

/** The document's skeleton: areas with their goals and measures, and the key projects. */
export interface Outline {
  areas: OutlineArea[];
  projects: OutlineItem[];
  /** Lines before the first area (front matter, 总体目标): used for the title and region. */
  front: CleanLine[];
}

const AREA_KEYS: [RegExp, AreaCode][] = [
  [/健康/, 'health'],
  [/教育/, 'education'],
  [/经济/, 'economy'],
  [/决策|管理/, 'decision'],
  [/社会保障/, 'social_security'],
  [/家庭/, 'family'],
  [/环境/, 'environment'],
  [/法律|法治/, 'law'],
];

const CN_NUM = '一二三四五六七八九十';
/** Numbering in front of a heading: 一、 (一) 第一章 1. 1、 */
const HEADING_NUMBER = new RegExp(
  `^(?:第[${CN_NUM}百]+[章节部分篇]|[${CN_NUM}]+[、.]|\\([${CN_NUM}]+\\)|\\d+\\s*[.、](?!\\d))\\s*`,
);
const CHAPTER = new RegExp(`^(?:第[${CN_NUM}百]+[章部分篇]|[${CN_NUM}]+[、.])`);

/** If the line names one of the eight areas ("(一)妇女与健康。"), returns its code and name. */
export function areaHeading(text: string): { code: AreaCode; name: string } | null {
  const name = text
    .replace(HEADING_NUMBER, '')
    .replace(/[.…·]{2,}\s*\d*$/, '')
    .replace(/[。.:：;；]+$/, '')
    .trim();
  if (name.length > 14) return null;
  // "妇女与健康", or the bare field name some plans use ("健康领域", "参与决策和管理").
  const bare = /^(?:健康|教育|经济|参与决策和管理|决策和管理|社会保障|家庭建设|环境|法律)(?:领域)?$/.test(
    name,
  );
  if (!bare && !/^(?:妇女|女性)(?:与|和|参与|的)/.test(name)) return null;
  for (const [re, code] of AREA_KEYS) if (re.test(name)) return { code, name };
  return null;
}

function sectionHeading(text: string): Section | null {
  const body = text.replace(HEADING_NUMBER, '');
  if (body.length > 12) return null;
  if (/^(?:主要目标|发展目标|具体目标|目标任务)/.test(body)) return 'goal';
  if (/^(?:策略措施|策略与措施|主要措施|工作措施|具体措施|推进措施)/.test(body)) return 'measure';
  return null;
}

/** Item numbering at the start of a line, by style: arabic "1." / "(1)" / "①", or chinese "(一)". */
const ITEM_STYLES: [string, RegExp][] = [
  ['arabic', /^(\d{1,2})\s*[.、](?!\d)\s*/],
  ['paren', /^\((\d{1,2})\)\s*/],
  ['circled', /^([①-⑳])\s*/],
  ['chinese', new RegExp(`^\\(([${CN_NUM}]{1,3})\\)\\s*`)],
];

export function itemNumber(text: string): { style: string; number: number; rest: number } | null {
  for (const [style, re] of ITEM_STYLES) {
    const m = re.exec(text);
    if (!m) continue;
    const tok = m[1]!;
    const number =
      style === 'circled'
        ? tok.charCodeAt(0) - 0x245f
        : style === 'chinese'
          ? chineseNumber(tok)
          : Number(tok);
    if (number > 0) return { style, number, rest: m[0].length };
  }
  return null;
}

export function chineseNumber(s: string): number {
  const digit = (c: string | undefined) => (c ? CN_NUM.indexOf(c) + 1 : 0);
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return digit(s[0]);
  return (ten === 0 ? 1 : digit(s[0])) * 10 + digit(s[ten + 1]);
}

/** Builds the outline of a cleaned plan document. */
export function buildOutline(doc: CleanText): Outline {
  const candidates: OutlineArea[] = [];
  const projects: OutlineItem[] = [];
  const front: CleanLine[] = [];
  let area: OutlineArea | null = null;
  let section = null as Section | null;
  let inProjects = false;
  let item = null as OutlineItem | null;
  let style = null as string | null;

  const open = (next: Section | null) => {
    section = next;
    item = null;
    style = null;
  };

  for (const line of doc.lines) {
    const text = line.text;
    if (/\.{4,}|…{2,}/.test(text)) continue; // table of contents
    const named = isHeadingLike(text) || text.length <= 20 ? areaHeading(text) : null;
    if (named) {
      area = { ...named, goals: [], measures: [] };
      candidates.push(area);
      inProjects = false;
      open(null);
      continue;
    }
    const sec = sectionHeading(text);
    if (sec && (area || inProjects)) {
      open(sec);
      continue;
    }
    if (CHAPTER.test(text) && isHeadingLike(text)) {
      const projectChapter = /重点(?:工程|项目|任务)/.test(text);
      if (projectChapter || !/主要目标|策略措施|发展领域|主要任务/.test(text)) {
        area = null;
        inProjects = projectChapter;
        open(projectChapter ? 'project' : null);
        continue;
      }
    }
    if (!area && !inProjects) {
      if (candidates.length === 0) front.push(line);
      continue;
    }
    if (section === null) continue;
    const num = itemNumber(text);
    const startItem = (number: number, itemStyle: string) => {
      style = itemStyle;
      item = { section: section!, number, lines: [line] };
      if (section === 'project') projects.push(item);
      else if (area) (section === 'goal' ? area.goals : area.measures).push(item);
    };
    if (num && (style === null || num.style === style)) {
      startItem(num.number, num.style);
    } else if (item && style !== 'paragraph') {
      item.lines.push(line);
    } else if (!num && !isHeadingLike(text)) {
      // A document whose list numbers were lost (Word auto-numbering): each paragraph is an item.
      startItem((item?.number ?? 0) + 1, 'paragraph');
    }
  }
  return { areas: pickAreas(candidates), projects, front };
}

/** A table of contents or a summary may name an area before its chapter: keep the fullest of each. */
function pickAreas(candidates: OutlineArea[]): OutlineArea[] {
  const best = new Map<AreaCode, OutlineArea>();
  const size = (a: OutlineArea) => a.goals.length + a.measures.length;
  for (const a of candidates) {
    const cur = best.get(a.code);
    if (!cur || size(a) > size(cur)) best.set(a.code, a);
  }
  return [...best.values()].filter((a) => size(a) > 0);
}
