import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MISSING_FONT_MESSAGE, openFace, resolveFontMap } from './fonts';
import { AppError } from '../errors';

const NOTO = '/usr/share/fonts/opentype/noto';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-fonts-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('font map', () => {
  it('defaults to Noto Serif CJK SC for 宋体 and Noto Sans CJK SC for 黑体; 仿宋 and 楷体 fall back to the serif', () => {
    const map = resolveFontMap({});
    expect(map.song).toMatchObject({ file: `${NOTO}/NotoSerifCJK-Regular.ttc`, name: 'NotoSerifCJKsc-Regular' });
    expect(map.hei).toMatchObject({ file: `${NOTO}/NotoSansCJK-Regular.ttc`, name: 'NotoSansCJKsc-Regular' });
    expect(map.fangsong).toMatchObject({ file: map.song.file, borrowedFrom: 'song' });
    expect(map.kai).toMatchObject({ file: map.song.file, borrowedFrom: 'song' });
  });

  it('finds fonts in GUICHENG_FONT_DIR, and a role without its font borrows another', () => {
    const dir = path.join(tmp, 'sans-only');
    fs.mkdirSync(dir);
    fs.symlinkSync(`${NOTO}/NotoSansCJK-Regular.ttc`, path.join(dir, 'NotoSansCJK-Regular.ttc'));
    const map = resolveFontMap({ GUICHENG_FONT_DIR: dir }, []);
    expect(map.hei.file).toBe(path.join(dir, 'NotoSansCJK-Regular.ttc'));
    expect(map.song).toMatchObject({ file: map.hei.file, borrowedFrom: 'hei' });
  });

  it('takes a per-role override file#PostScriptName', () => {
    const map = resolveFontMap({ GUICHENG_FONT_KAI: `${NOTO}/NotoSerifCJK-Bold.ttc#NotoSerifCJKsc-Bold` });
    expect(map.kai).toEqual({ role: 'kai', file: `${NOTO}/NotoSerifCJK-Bold.ttc`, name: 'NotoSerifCJKsc-Bold' });
  });

  it('fails in Chinese naming the Debian package when no CJK font is installed', () => {
    const err = (() => {
      try {
        resolveFontMap({ GUICHENG_FONT_DIR: path.join(tmp, 'none') }, []);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('FONT_MISSING');
    expect((err as AppError).message).toBe(MISSING_FONT_MESSAGE);
    expect(MISSING_FONT_MESSAGE).toContain('fonts-noto-cjk');
  });

  it('rejects a font without Chinese glyphs instead of printing tofu', () => {
    expect(() => openFace({ file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' })).toThrow(/不含中文字形.*fonts-noto-cjk/);
  });
});
