import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import { AppError } from '../errors';

const requireModule = createRequire(import.meta.url);
let pdfkit: typeof PDFKitDocument | undefined;

/**
 * pdfkit (with fontkit), loaded on first use and kept: it costs about half a second at start
 * and only a print or download needs it. Synchronous on purpose, because loadFonts() is
 * synchronous and called as such outside kernel/render; every PDF writer in kernel/render
 * and meetings takes its class from here, so one pdfkit build is loaded, not two.
 */
export function pdfDocumentClass(): typeof PDFKitDocument {
  return (pdfkit ??= requireModule('pdfkit') as typeof PDFKitDocument);
}

/**
 * The font map: which font file draws each of the typefaces Chinese official paper uses.
 * Every PDF embeds (a subset of) these fonts, so a printout looks the same on any machine.
 * Configuration is by environment (see README.md in this folder):
 *   GUICHENG_FONT_DIR        extra folders searched first (':'-separated, recursive)
 *   GUICHENG_FONT_<ROLE>     a file for one role, `file[#PostScriptName]` (name for .ttc)
 */
export type FontRole = 'song' | 'songBold' | 'hei' | 'fangsong' | 'kai';

export const FONT_ROLES: FontRole[] = ['song', 'songBold', 'hei', 'fangsong', 'kai'];

const ROLE_LABEL: Record<FontRole, string> = { song: '宋体', songBold: '小标宋（标题）', hei: '黑体', fangsong: '仿宋', kai: '楷体' };

export interface FontFace {
  file: string;
  /** PostScript name of the face inside a font collection (.ttc). */
  name?: string;
}

/** Candidates per role, best first: Debian's fonts-noto-cjk, then Adobe's and Windows' names. */
const CANDIDATES: Record<FontRole, FontFace[]> = {
  song: [
    { file: 'NotoSerifCJK-Regular.ttc', name: 'NotoSerifCJKsc-Regular' },
    { file: 'NotoSerifCJKsc-Regular.otf' },
    { file: 'SourceHanSerifSC-Regular.otf' },
    { file: 'simsun.ttc', name: 'SimSun' },
  ],
  songBold: [
    { file: 'NotoSerifCJK-Bold.ttc', name: 'NotoSerifCJKsc-Bold' },
    { file: 'NotoSerifCJKsc-Bold.otf' },
    { file: 'SourceHanSerifSC-Bold.otf' },
  ],
  hei: [
    { file: 'NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
    { file: 'NotoSansCJKsc-Regular.otf' },
    { file: 'SourceHanSansSC-Regular.otf' },
    { file: 'simhei.ttf' },
  ],
  fangsong: [{ file: 'simfang.ttf' }, { file: 'FangSong.ttf' }, { file: 'STFANGSO.TTF' }],
  kai: [{ file: 'simkai.ttf' }, { file: 'KaiTi.ttf' }, { file: 'STKAITI.TTF' }],
};

/** Where a role borrows from when none of its own candidates is installed (仿宋/楷体 → 宋体). */
const FALLBACK: Record<FontRole, FontRole[]> = {
  song: ['hei'],
  songBold: ['hei', 'song'],
  hei: ['song'],
  fangsong: ['song', 'hei'],
  kai: ['song', 'hei'],
};

const SYSTEM_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', path.join(os.homedir(), '.fonts'), '/Library/Fonts', '/System/Library/Fonts', 'C:\\Windows\\Fonts'];

export const MISSING_FONT_MESSAGE =
  '未找到可用的中文字体，无法生成 PDF。请在服务器上安装 Debian 软件包 fonts-noto-cjk（apt-get install fonts-noto-cjk），' +
  '或设置环境变量 GUICHENG_FONT_DIR 指向存放思源宋体/思源黑体（Noto Serif CJK SC / Noto Sans CJK SC）的目录。';

/** Index font files by lower-case base name; the first folder listed wins. */
function indexFontFiles(dirs: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < 6) walk(full, depth + 1);
      else if (/\.(ttc|otf|ttf)$/i.test(e.name) && !found.has(e.name.toLowerCase())) found.set(e.name.toLowerCase(), full);
    }
  };
  for (const d of dirs) walk(d, 0);
  return found;
}

function parseOverride(value: string, dirs: string[]): FontFace {
  const [file, name] = value.split('#');
  const resolved = path.isAbsolute(file) ? file : (dirs.map((d) => path.join(d, file)).find((p) => fs.existsSync(p)) ?? file);
  return { file: resolved, name: name || undefined };
}

export interface ResolvedFace extends FontFace {
  role: FontRole;
  /** Set when the role had no font of its own and borrowed another role's. */
  borrowedFrom?: FontRole;
}

/** Resolve the font map from the environment and the installed fonts (no font is opened). */
export function resolveFontMap(env: NodeJS.ProcessEnv = process.env, systemDirs = SYSTEM_DIRS): Record<FontRole, ResolvedFace> {
  const userDirs = (env.GUICHENG_FONT_DIR ?? '').split(path.delimiter).filter(Boolean);
  const files = indexFontFiles([...userDirs, ...systemDirs]);
  const own = {} as Record<FontRole, FontFace | undefined>;
  for (const role of FONT_ROLES) {
    const override = env[`GUICHENG_FONT_${role.toUpperCase()}`];
    if (override) {
      own[role] = parseOverride(override, userDirs);
      continue;
    }
    const hit = CANDIDATES[role].find((c) => files.has(c.file.toLowerCase()));
    own[role] = hit && { file: files.get(hit.file.toLowerCase())!, name: hit.name };
  }
  const map = {} as Record<FontRole, ResolvedFace>;
  for (const role of FONT_ROLES) {
    const face = own[role];
    if (face) {
      map[role] = { ...face, role };
      continue;
    }
    const donor = FALLBACK[role].find((r) => own[r]);
    if (!donor) throw new AppError('FONT_MISSING', 500, MISSING_FONT_MESSAGE, undefined, { role });
    map[role] = { ...own[donor]!, role, borrowedFrom: donor };
  }
  return map;
}

/** The part of a fontkit font we use: glyph coverage, so nothing is ever drawn as tofu. */
export interface GlyphFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

export interface LoadedFont {
  role: FontRole;
  face: ResolvedFace;
  font: GlyphFont;
}

const opened = new Map<string, GlyphFont>();

/**
 * Open a face through pdfkit (which bundles fontkit) and keep the parsed font: parsing a
 * 20 MB CJK collection takes about half a second, and pdfkit accepts the parsed font again.
 */
export function openFace(face: FontFace): GlyphFont {
  const key = `${face.file}#${face.name ?? ''}`;
  const cached = opened.get(key);
  if (cached) return cached;
  let font: GlyphFont;
  try {
    const PDFDocument = pdfDocumentClass();
    const probe = new PDFDocument({ autoFirstPage: false });
    if (face.name) probe.font(face.file, face.name);
    else probe.font(face.file);
    font = (probe as unknown as { _font: { font: GlyphFont } })._font.font;
  } catch (err) {
    throw new AppError('FONT_MISSING', 500, `无法打开字体文件 ${face.file}${face.name ? `（${face.name}）` : ''}：${(err as Error).message}。${MISSING_FONT_MESSAGE}`);
  }
  if (!font.hasGlyphForCodePoint(0x4e2d)) {
    throw new AppError('FONT_MISSING', 500, `字体文件 ${face.file} 不含中文字形。${MISSING_FONT_MESSAGE}`);
  }
  opened.set(key, font);
  return font;
}

let loaded: Record<FontRole, LoadedFont> | null = null;

/** The font map with every face opened; resolved once per process. */
export function loadFonts(): Record<FontRole, LoadedFont> {
  if (loaded) return loaded;
  const map = resolveFontMap();
  const result = {} as Record<FontRole, LoadedFont>;
  for (const role of FONT_ROLES) result[role] = { role, face: map[role], font: openFace(map[role]) };
  loaded = result;
  return result;
}

/** Forget the resolved map (tests, or after an administrator installed fonts). */
export function resetFonts(): void {
  loaded = null;
}

/** A line per role for diagnostics (`guicheng` CLI, logs): which file draws what. */
export function describeFontMap(map: Record<FontRole, ResolvedFace>): string[] {
  return FONT_ROLES.map((r) => {
    const f = map[r];
    const borrowed = f.borrowedFrom ? `（未安装，借用${ROLE_LABEL[f.borrowedFrom]}）` : '';
    return `${ROLE_LABEL[r]}${borrowed}：${f.file}${f.name ? `#${f.name}` : ''}`;
  });
}
